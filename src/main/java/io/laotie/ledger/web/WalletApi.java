package io.laotie.ledger.web;

import io.laotie.identity.Caller;
import io.laotie.identity.Role;
import io.laotie.ledger.AccountRef;
import io.laotie.ledger.Ledger;
import io.laotie.ledger.StatementLine;
import io.laotie.ledger.Transaction;
import io.laotie.ledger.Withdrawal;
import io.laotie.platform.Forbidden;
import io.laotie.platform.JsonId;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The caller's own money: the wallet with its latest entries, demo top-ups, a merchant's withdrawals, and
 * statements with a running balance. Top-ups and withdrawals honour {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api")
class WalletApi {

    /** An amount in fen. */
    record AmountRequest(@NotNull @Positive Long amount) {
    }

    record Wallet(long balance, String currency, PageOf<StatementLine> entries, @Nullable MerchantBalances merchant) {
    }

    record MerchantBalances(long pending, long available) {
    }

    record TopUp(@JsonId long transactionId, long amount, long balance, String currency) {
    }

    record WithdrawalView(@JsonId long id, long amount, Withdrawal.Status status, String gateway, long available,
                          String currency, Instant createdAt) {
    }

    record Statement(String account, String currency, long balance, List<StatementLine> items, int page, int size, long total) {
    }

    private final Ledger ledger;
    private final Idempotency idempotency;
    private final ZoneId zone;

    WalletApi(Ledger ledger, Idempotency idempotency, ZoneId platformZone) {
        this.ledger = ledger;
        this.idempotency = idempotency;
        this.zone = platformZone;
    }

    @GetMapping("/wallet")
    Wallet wallet(Caller caller, @RequestParam(required = false) @Nullable Integer page,
                  @RequestParam(required = false) @Nullable Integer size) {
        AccountRef wallet = AccountRef.wallet(caller.accountId());
        MerchantBalances merchant = caller.has(Role.MERCHANT)
                ? new MerchantBalances(ledger.balance(AccountRef.merchantPending(caller.accountId())),
                ledger.balance(AccountRef.merchantAvailable(caller.accountId())))
                : null;
        return new Wallet(ledger.balance(wallet), Ledger.CURRENCY, ledger.statement(wallet, null, null, PageRequest.of(page, size)), merchant);
    }

    /** A demo top-up of the caller's own wallet, when {@code laotie.ledger.demo-top-ups} is on (403 otherwise). */
    @PostMapping("/wallet/top-ups")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TopUp.class)))
    ResponseEntity<?> topUp(Caller caller, @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
                            @Valid @RequestBody AmountRequest request, HttpServletRequest http) {
        return idempotency.run(caller.accountId(), key, () -> idempotency.fingerprint(http, request), () -> {
            Transaction topUp = ledger.demoTopUp(caller.accountId(), request.amount());
            long balance = ledger.balance(AccountRef.wallet(caller.accountId()));
            return ResponseEntity.status(HttpStatus.CREATED).body(new TopUp(topUp.id(), request.amount(), balance, Ledger.CURRENCY));
        });
    }

    /** A merchant pays available money out to their outside account; more than is available answers 409. */
    @PostMapping("/withdrawals")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = WithdrawalView.class)))
    ResponseEntity<?> withdraw(Caller caller, @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
                               @Valid @RequestBody AmountRequest request, HttpServletRequest http) {
        if (!caller.has(Role.MERCHANT)) {
            throw new Forbidden("Only merchants withdraw money, from the available balance of their settled orders");
        }
        AccountRef available = AccountRef.merchantAvailable(caller.accountId());
        return idempotency.run(caller.accountId(), key, () -> idempotency.fingerprint(http, request), () -> {
            Withdrawal withdrawal = ledger.withdraw(available, request.amount());
            return ResponseEntity.status(HttpStatus.CREATED).body(new WithdrawalView(withdrawal.id(), withdrawal.amount(),
                    withdrawal.status(), withdrawal.gateway(), ledger.balance(available), Ledger.CURRENCY, withdrawal.createdAt()));
        });
    }

    /**
     * An account's entries, newest first, with the balance after each. {@code account} is {@code me} (the wallet,
     * by default), {@code merchant-pending}, {@code merchant-available}, or for operators any {@code KIND:ownerId}
     * or platform {@code KIND}; {@code from} and {@code to} are days in the platform zone or instants with an offset.
     */
    @GetMapping("/statements")
    Statement statement(Caller caller, @RequestParam(defaultValue = "me") String account,
                        @RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                        @RequestParam(required = false) @Nullable Integer page, @RequestParam(required = false) @Nullable Integer size) {
        AccountRef ref = StatementAccounts.resolve(account, caller);
        Period period = Period.of(from, to, zone);
        PageOf<StatementLine> lines = ledger.statement(ref, period.from(), period.to(), PageRequest.of(page, size));
        return new Statement(ref.toString(), Ledger.CURRENCY, ledger.balance(ref), lines.items(), lines.page(), lines.size(), lines.total());
    }
}
