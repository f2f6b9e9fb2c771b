package io.laotie.identity.web;

import io.laotie.identity.Account;
import io.laotie.identity.Accounts;
import io.laotie.identity.ApiToken;
import io.laotie.identity.ApiTokens;
import io.laotie.identity.Caller;
import io.laotie.identity.NewAccount;
import io.laotie.platform.JsonId;
import io.laotie.platform.Unauthenticated;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Sign-up, API tokens and the caller's own profile. */
@RestController
@RequestMapping("/api")
class AccountApi {

    record Created(@JsonId long id, String handle) {
    }

    record Credentials(@NotBlank @Size(max = 64) String handle, @NotBlank @Size(max = 128) String password) {
    }

    record Me(@JsonId long id, String handle, String displayName, Set<io.laotie.identity.Role> roles,
              @Nullable String city, io.laotie.identity.@Nullable CityTier cityTier) {
        static Me of(Account a) {
            return new Me(a.id(), a.handle(), a.displayName(), a.roles(), a.city(), a.cityTier());
        }
    }

    record ProfileChange(@Size(min = 1, max = 64) @Nullable String displayName, @Size(max = 32) @Nullable String city) {
    }

    private final Accounts accounts;
    private final ApiTokens tokens;

    AccountApi(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    Created signUp(@Valid @RequestBody NewAccount request, HttpServletRequest http) {
        Account account = accounts.signUp(request, ClientInfos.of(http));
        return new Created(account.id(), account.handle());
    }

    @PostMapping("/auth/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    ApiToken logIn(@Valid @RequestBody Credentials credentials, HttpServletRequest http) {
        return tokens.logIn(credentials.handle(), credentials.password(), ClientInfos.of(http));
    }

    /** Revokes the token this request was made with; it answers 401 from then on. */
    @DeleteMapping("/auth/tokens/current")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logOut(Caller caller, HttpServletRequest http) {
        Object token = http.getAttribute(BearerTokenFilter.ApiTokenAttribute.NAME);
        if (!(token instanceof String value)) {
            throw new Unauthenticated("This request was not made with a bearer token");
        }
        tokens.revoke(value);
    }

    @GetMapping("/me")
    Me me(Caller caller) {
        return Me.of(accounts.get(caller.accountId()));
    }

    @PatchMapping("/me")
    Me updateMe(Caller caller, @Valid @RequestBody ProfileChange change) {
        return Me.of(accounts.updateProfile(caller.accountId(), change.displayName(), change.city()));
    }
}
