package io.laotie.identity.web;

import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.identity.LoginRecord;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operators look up accounts, see where they logged in from, and suspend or reinstate them. */
@RestController
@RequestMapping("/api/operator/accounts")
class OperatorAccountApi {

    record Suspension(@NotBlank @Size(max = 500) String reason) {
    }

    private final Accounts accounts;

    OperatorAccountApi(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    PageOf<Account> list(@RequestParam(required = false) @Nullable String q,
                         @RequestParam(required = false) @Nullable Integer page,
                         @RequestParam(required = false) @Nullable Integer size) {
        return accounts.list(q, PageRequest.of(page, size));
    }

    @GetMapping("/{id}")
    Account get(@PathVariable long id) {
        return accounts.get(id);
    }

    @GetMapping("/{id}/logins")
    List<LoginRecord> logins(@PathVariable long id) {
        accounts.get(id);
        return accounts.logins(id, 100);
    }

    @PostMapping("/{id}/suspension")
    Account suspend(Caller operator, @PathVariable long id, @Valid @RequestBody Suspension suspension) {
        return accounts.suspend(id, suspension.reason(), operator.accountId());
    }

    @DeleteMapping("/{id}/suspension")
    Account reinstate(@PathVariable long id) {
        return accounts.reinstate(id);
    }
}
