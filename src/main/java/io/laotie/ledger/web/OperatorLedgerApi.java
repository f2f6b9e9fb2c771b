package io.laotie.ledger.web;

import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.ledger.AccountRef;
import io.laotie.ledger.Ledger;
import io.laotie.ledger.LedgerCheck;
import io.laotie.ledger.Transaction;
import io.laotie.platform.Ids;
import io.laotie.platform.JsonId;
import io.laotie.platform.NotFound;
import io.laotie.platform.web.Idempotency;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operators audit the whole ledger and credit any account's wallet. Only operators reach {@code /api/operator/**}. */
@RestController
@RequestMapping("/api/operator/ledger")
class OperatorLedgerApi {

    record CreditRequest(@NotNull @JsonId Long accountId, @NotNull @Positive Long amount) {
    }

    record Credited(@JsonId long transactionId, @JsonId long accountId, long amount, long balance, String currency) {
    }

    private final Ledger ledger;
    private final Accounts accounts;
    private final Idempotency idempotency;
    private final Ids ids;

    OperatorLedgerApi(Ledger ledger, Accounts accounts, Idempotency idempotency, Ids ids) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.idempotency = idempotency;
        this.ids = ids;
    }

    /** Every invariant of the ledger checked over all of it: {@code balanced}, or the problems found. */
    @GetMapping("/check")
    LedgerCheck check() {
        return ledger.check();
    }

    @PostMapping("/credits")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = Credited.class)))
    ResponseEntity<?> credit(Caller operator, @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
                             @Valid @RequestBody CreditRequest request, HttpServletRequest http) {
        long accountId = request.accountId();
        if (accounts.find(accountId).isEmpty()) {
            throw new NotFound("Account", accountId);
        }
        return idempotency.run(operator.accountId(), key, () -> idempotency.fingerprint(http, request), () -> {
            Transaction credit = ledger.credit(accountId, request.amount(), "credit:" + ids.next(), operator.accountId());
            return ResponseEntity.status(HttpStatus.CREATED).body(new Credited(credit.id(), accountId, request.amount(),
                    ledger.balance(AccountRef.wallet(accountId)), Ledger.CURRENCY));
        });
    }
}
