package io.laotie.ledger;

import io.laotie.ledger.Journal.Leg;
import io.laotie.ledger.Journal.Posted;
import io.laotie.platform.Forbidden;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.Ids;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The books of Laotie, in fen. Every movement of money is a transaction whose entries sum to zero; accounts of
 * people never go negative; each business fact (a payment, a refund, a settlement) is posted at most once, named by
 * its reference, so calling a method again with the same reference answers the first transaction.
 *
 * <p>Every method that moves money runs in a savepoint of the caller's transaction (or a transaction of its own when
 * there is none): a refusal such as {@link InsufficientBalance} undoes what the method wrote and nothing else, so
 * the caller may catch it and carry on. Thread-safe; correctness under concurrency rests on guarded statements and
 * unique keys in the database, not on locks in this process.
 */
@Service
public class Ledger {

    public static final String CURRENCY = "CNY";

    private final JdbcClient jdbc;
    private final Ids ids;
    private final ApplicationEventPublisher events;
    private final PaymentGateway gateway;
    private final LedgerProperties properties;
    private final boolean demoTopUps;
    private final Journal journal;
    private final Statements statements;
    private final Audit audit;
    private final TransactionTemplate savepoint;

    Ledger(JdbcClient jdbc, Ids ids, Clock clock, PlatformTransactionManager transactions, ApplicationEventPublisher events,
           PaymentGateway gateway, LedgerProperties properties, @Value("${spring.datasource.url:}") String datasourceUrl) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.events = events;
        this.gateway = gateway;
        this.properties = properties;
        this.demoTopUps = properties.demoTopUpsOn(datasourceUrl);
        this.journal = new Journal(jdbc, ids, clock, transactions);
        this.statements = new Statements(jdbc, journal);
        this.audit = new Audit(jdbc, clock, transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Pays an order into escrow: the account the {@link PaymentGateway} names (the buyer's wallet, with the
     * built-in gateway) pays {@code amount} fen, escrow holds it. Paying the same order again charges nothing and
     * answers the first payment.
     *
     * @throws InsufficientBalance the wallet holds less than the amount; nothing moved
     * @throws IllegalTransition   the order was paid before by another buyer or with another amount
     */
    public Transaction payOrder(long orderId, long buyerId, long amount) {
        requirePositive(amount);
        String reference = "order:" + orderId;
        return inSavepoint(() -> {
            Optional<Transaction> earlier = journal.find(TransactionKind.PAYMENT, reference);
            if (earlier.isPresent()) {
                return samePayment(earlier.get(), orderId, buyerId, amount);
            }
            AccountRef payer = gateway.charge(orderId, buyerId, amount);
            Posted posted = journal.post(TransactionKind.PAYMENT, reference, orderId, "payment of order " + orderId,
                    List.of(new Leg(payer, -amount), new Leg(AccountRef.escrow(), amount)));
            if (!posted.fresh()) {
                return samePayment(posted.transaction(), orderId, buyerId, amount);
            }
            jdbc.sql("insert into ledger_escrow (order_id, buyer_id, paid, held, created_at) values (?, ?, ?, ?, ?)")
                    .params(orderId, buyerId, amount, amount, journal.now()).update();
            return posted.transaction();
        });
    }

    /**
     * Gives {@code amount} fen of a paid, unsettled order back to its buyer (to the account the gateway names: the
     * wallet, with the built-in gateway). Each refund id is refunded once. When the platform
     * {@linkplain #advanceRefund advanced} this refund, the buyer has the money already and escrow repays the platform
     * subsidy instead.
     *
     * @throws InsufficientBalance the order holds less than the amount in escrow
     * @throws IllegalTransition   the order was never paid, was paid by someone else, or is settled already
     */
    public Transaction refundOrder(long orderId, long refundId, long buyerId, long amount) {
        requirePositive(amount);
        String reference = "refund:" + refundId;
        return inSavepoint(() -> {
            Optional<Transaction> earlier = journal.find(TransactionKind.REFUND, reference);
            if (earlier.isPresent()) {
                return sameRefund(earlier.get(), orderId, amount);
            }
            Escrow escrow = escrow(orderId).orElseThrow(() -> new IllegalTransition("Order " + orderId + " was never paid"));
            if (escrow.buyerId() != buyerId) {
                throw new IllegalTransition("Order " + orderId + " was paid by another account");
            }
            if (escrow.settled()) {
                throw new IllegalTransition("Order " + orderId + " is settled; its escrow is empty");
            }
            boolean advanced = journal.find(TransactionKind.ADVANCE, reference).isPresent();
            AccountRef payee = advanced ? AccountRef.platformSubsidy() : gateway.refund(orderId, refundId, buyerId, amount);
            Posted posted = journal.post(TransactionKind.REFUND, reference, orderId, (advanced ? "repayment of the advance of refund "
                            : "refund ") + refundId + " of order " + orderId,
                    List.of(new Leg(AccountRef.escrow(), -amount), new Leg(payee, amount)));
            if (!posted.fresh()) {
                return sameRefund(posted.transaction(), orderId, amount);
            }
            // The order's own escrow is the guard: no refund can take money that other orders paid.
            int taken = jdbc.sql("update ledger_escrow set held = held - ? where order_id = ? and settled_at is null and held >= ?")
                    .params(amount, orderId, amount).update();
            if (taken == 0) {
                Escrow now = escrow(orderId).orElseThrow();
                if (now.settled()) {
                    throw new IllegalTransition("Order " + orderId + " is settled; its escrow is empty");
                }
                throw new InsufficientBalance("Order " + orderId + " holds " + now.held() + " fen in escrow, less than " + amount);
            }
            return posted.transaction();
        });
    }

    /**
     * The platform subsidy pays a refund to the buyer (to the account the gateway names for refunds) before the
     * order's escrow does: escrow stays as it is, so the merchant's confirmation, rejection or an arbitration still
     * decide what escrow gives back, and {@link #refundOrder} with the same refund id later repays the subsidy instead
     * of paying the buyer twice. If the refund never comes (the merchant wins), the subsidy carries the advance. Each
     * refund id is advanced once.
     *
     * @throws IllegalTransition the order was never paid, was paid by someone else, is settled, or the refund was
     *                           advanced with another amount or already made
     */
    public Transaction advanceRefund(long orderId, long refundId, long buyerId, long amount) {
        requirePositive(amount);
        String reference = "refund:" + refundId;
        return inSavepoint(() -> {
            Escrow escrow = escrow(orderId).orElseThrow(() -> new IllegalTransition("Order " + orderId + " was never paid"));
            if (escrow.buyerId() != buyerId) {
                throw new IllegalTransition("Order " + orderId + " was paid by another account");
            }
            if (escrow.settled()) {
                throw new IllegalTransition("Order " + orderId + " is settled; there is nothing to advance against");
            }
            if (journal.find(TransactionKind.REFUND, reference).isPresent()) {
                throw new IllegalTransition("Refund " + refundId + " was made already; there is nothing to advance");
            }
            AccountRef payee = gateway.refund(orderId, refundId, buyerId, amount);
            Posted posted = journal.post(TransactionKind.ADVANCE, reference, orderId, "advance of refund " + refundId + " of order " + orderId,
                    List.of(new Leg(AccountRef.platformSubsidy(), -amount), new Leg(payee, amount)));
            if (!posted.fresh() && posted.transaction().amountOn(AccountRef.platformSubsidy()) != -amount) {
                throw new IllegalTransition("Refund " + refundId + " was advanced with another amount");
            }
            return posted.transaction();
        });
    }

    /**
     * The platform subsidy pays {@code amount} fen into a buyer's wallet, for a reason named by {@code reference}
     * (such as {@code return-shipping:123}, {@code compensation:123}); each reference is paid once.
     *
     * @throws IllegalTransition the reference was paid before with another amount or to another buyer
     */
    public Transaction subsidize(String reference, @Nullable Long orderId, long buyerId, long amount, String memo) {
        requirePositive(amount);
        AccountRef wallet = AccountRef.wallet(buyerId);
        return inSavepoint(() -> {
            Posted posted = journal.post(TransactionKind.SUBSIDY, reference, orderId, memo,
                    List.of(new Leg(AccountRef.platformSubsidy(), -amount), new Leg(wallet, amount)));
            if (!posted.fresh() && posted.transaction().amountOn(wallet) != amount) {
                throw new IllegalTransition("Reference " + reference + " was paid already, otherwise");
            }
            return posted.transaction();
        });
    }

    /**
     * Takes back into the platform subsidy up to {@code amount} fen of a merchant's money that the platform paid a
     * buyer on the merchant's behalf: from the merchant's available money first, then from their pending money (the
     * settlements waiting for release latest first, each shrinking by what is taken), never below zero. Answers the
     * recovery, which may be less than asked or {@linkplain Transaction#isEmpty() empty} (id 0) when the merchant holds
     * nothing; the rest is the platform's loss. Each reference is recovered once; asking again answers the first
     * recovery.
     */
    public Transaction recover(long merchantId, long amount, String reference, @Nullable Long orderId) {
        requirePositive(amount);
        return inSavepoint(() -> {
            Optional<Transaction> earlier = journal.find(TransactionKind.RECOVERY, reference);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            AccountRef available = AccountRef.merchantAvailable(merchantId);
            AccountRef pending = AccountRef.merchantPending(merchantId);
            // Locks are taken in the order a release takes them: the waiting release rows first (latest first, as
            // they are taken from), then both accounts by id, as Journal.post does, so neither waits for the other in
            // a circle. Under these locks the available money and the rows' amounts are what they stay until commit.
            List<long[]> waiting = jdbc.sql("select order_id, amount from ledger_releases where merchant_id = ? and released_at is null order by due_at desc, order_id desc for update")
                    .param(merchantId).query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
            journal.lockInOrder(available, pending);
            long fromAvailable = Math.min(journal.balance(available), amount);
            // Pending money must stay equal to what waits for release, so each release it is taken from shrinks.
            long fromPending = 0;
            for (long[] release : waiting) {
                long take = Math.min(release[1], amount - fromAvailable - fromPending);
                if (take <= 0) {
                    break;
                }
                int shrunk = jdbc.sql("update ledger_releases set amount = amount - ? where order_id = ? and released_at is null and amount > ?")
                        .params(take, release[0], take).update();
                if (shrunk == 0) {
                    // All of it is taken (a release of nothing would post an empty transaction): it ends as released.
                    shrunk = jdbc.sql("update ledger_releases set released_at = ? where order_id = ? and released_at is null and amount = ?")
                            .params(journal.now(), release[0], take).update();
                }
                if (shrunk == 1) {
                    fromPending += take;
                }
            }
            if (fromAvailable + fromPending == 0) {
                return new Transaction(0, TransactionKind.RECOVERY, reference, orderId, "nothing to recover", journal.now().toInstant(), List.of());
            }
            return journal.post(TransactionKind.RECOVERY, reference, orderId, "recovery from merchant " + merchantId,
                    List.of(new Leg(available, -fromAvailable), new Leg(pending, -fromPending),
                            new Leg(AccountRef.platformSubsidy(), fromAvailable + fromPending))).transaction();
        });
    }

    /**
     * Settles a completed order: escrow pays the {@code netAmount} (paid less refunded, which must be exactly what
     * the order still holds) to the merchant's pending account less the platform's fee
     * ({@code laotie.ledger.platform-fee-rate} of the net, rounded half up to the fen), which goes to platform
     * revenue. The merchant's share becomes available after {@code laotie.ledger.payout-hold}. Settling again
     * answers the first settlement. With nothing left (net 0) nothing is posted and the answer is an
     * {@linkplain Transaction#isEmpty() empty} transaction with id 0.
     *
     * @throws IllegalTransition the order was never paid, holds another amount, or was settled to someone else
     */
    public Transaction settleOrder(long orderId, long merchantId, long netAmount) {
        if (netAmount < 0) {
            throw ValidationFailed.of("netAmount", "may not be negative");
        }
        String reference = "order:" + orderId;
        return inSavepoint(() -> {
            Escrow escrow = escrow(orderId).orElseThrow(() -> new IllegalTransition("Order " + orderId + " was never paid"));
            if (!escrow.settled()) {
                int settled = jdbc.sql("update ledger_escrow set held = 0, merchant_id = ?, settled_at = ? where order_id = ? and settled_at is null and held = ?")
                        .params(merchantId, journal.now(), orderId, netAmount).update();
                if (settled == 1) {
                    return settle(orderId, merchantId, netAmount, reference);
                }
                escrow = escrow(orderId).orElseThrow();
                if (!escrow.settled()) {
                    throw new IllegalTransition("Order " + orderId + " holds " + escrow.held() + " fen in escrow, not " + netAmount);
                }
            }
            return sameSettlement(escrow, orderId, merchantId, netAmount, reference);
        });
    }

    private Transaction settle(long orderId, long merchantId, long net, String reference) {
        long fee = PlatformFee.of(net, properties.platformFeeRate());
        long share = net - fee;
        Transaction settlement = net == 0 ? nothingToSettle(orderId, reference)
                : journal.post(TransactionKind.SETTLEMENT, reference, orderId, "settlement of order " + orderId,
                        List.of(new Leg(AccountRef.escrow(), -net), new Leg(AccountRef.merchantPending(merchantId), share),
                                new Leg(AccountRef.platformRevenue(), fee))).transaction();
        if (share > 0) {
            jdbc.sql("insert into ledger_releases (order_id, merchant_id, amount, due_at, released_at) values (?, ?, ?, ?, null)")
                    .params(orderId, merchantId, share, journal.now().plus(properties.payoutHold())).update();
        }
        events.publishEvent(new OrderSettled(orderId, merchantId, net, fee, settlement.id()));
        return settlement;
    }

    /**
     * Moves merchants' settled money that is due (settled at least {@code laotie.ledger.payout-hold} ago, by the
     * injected clock) from pending to available; a scheduler calls it every {@code laotie.ledger.release-interval}.
     * Safe to run on several threads or nodes at once: each release happens once.
     *
     * @return how many releases this call made
     */
    public int releaseDue() {
        int released = 0;
        while (true) {
            List<Long> due = jdbc.sql("select order_id from ledger_releases where released_at is null and due_at <= ? order by due_at limit 100")
                    .param(journal.now()).query(Long.class).list();
            int batch = 0;
            for (long orderId : due) {
                if (Boolean.TRUE.equals(savepoint.execute(status -> release(orderId)))) {
                    batch++;
                }
            }
            released += batch;
            if (due.size() < 100 || batch == 0) {
                return released;
            }
        }
    }

    private boolean release(long orderId) {
        int claimed = jdbc.sql("update ledger_releases set released_at = ? where order_id = ? and released_at is null")
                .params(journal.now(), orderId).update();
        if (claimed == 0) {
            return false; // another thread or node released it
        }
        // Read under the lock the claim took: a recovery may have shrunk the row until the claim could be made.
        var pending = jdbc.sql("select merchant_id, amount from ledger_releases where order_id = ?").param(orderId)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        long merchantId = pending[0];
        long amount = pending[1];
        Transaction release = journal.post(TransactionKind.RELEASE, "order:" + orderId, orderId, "release of order " + orderId,
                List.of(new Leg(AccountRef.merchantPending(merchantId), -amount), new Leg(AccountRef.merchantAvailable(merchantId), amount)))
                .transaction();
        events.publishEvent(new MerchantFundsReleased(orderId, merchantId, amount, release.id()));
        return true;
    }

    /**
     * Puts {@code amount} fen into an account's wallet from outside (the gateway's side). Used by demo top-ups and
     * the demo world. The same reference tops up once.
     *
     * @throws ValidationFailed the amount is not between 1 and {@code laotie.ledger.max-top-up}
     */
    public Transaction topUp(long accountId, long amount, String reference) {
        return intoWallet(TransactionKind.TOP_UP, accountId, amount, reference, "top-up");
    }

    /** An operator credits an account's wallet; otherwise like {@link #topUp}. */
    public Transaction credit(long accountId, long amount, String reference, long operatorId) {
        return intoWallet(TransactionKind.CREDIT, accountId, amount, reference, "credit by operator " + operatorId);
    }

    /**
     * An account tops up its own wallet, when {@code laotie.ledger.demo-top-ups} is on.
     *
     * @throws Forbidden demo top-ups are off
     */
    public Transaction demoTopUp(long accountId, long amount) {
        if (!demoTopUps) {
            throw new Forbidden("Demo top-ups are switched off here (laotie.ledger.demo-top-ups); wallets are filled by operator credits");
        }
        return topUp(accountId, amount, "top-up:" + ids.next());
    }

    private Transaction intoWallet(TransactionKind kind, long accountId, long amount, String reference, String memo) {
        if (amount <= 0 || amount > properties.maxTopUp()) {
            throw ValidationFailed.of("amount", "must be between 1 and " + properties.maxTopUp() + " fen");
        }
        AccountRef wallet = AccountRef.wallet(accountId);
        return inSavepoint(() -> {
            Posted posted = journal.post(kind, reference, null, memo,
                    List.of(new Leg(AccountRef.external(), -amount), new Leg(wallet, amount)));
            if (!posted.fresh()) {
                if (posted.transaction().amountOn(wallet) != amount) {
                    throw new IllegalTransition("Reference " + reference + " was used for another " + kind.name().toLowerCase(Locale.ROOT));
                }
                return posted.transaction();
            }
            events.publishEvent(new WalletToppedUp(accountId, amount, kind, posted.transaction().id()));
            return posted.transaction();
        });
    }

    /**
     * Pays {@code amount} fen out of a withdrawable account (a merchant's available money; later a creator's or team
     * leader's) to its owner's outside account through the {@link PaymentGateway}.
     *
     * @throws InsufficientBalance the account holds less; nothing moved
     */
    public Withdrawal withdraw(AccountRef from, long amount) {
        if (!from.kind().withdrawable()) {
            throw new IllegalArgumentException("Money cannot be withdrawn from " + from);
        }
        requirePositive(amount);
        return inSavepoint(() -> {
            long withdrawalId = ids.next();
            Transaction withdrawal = journal.post(TransactionKind.WITHDRAWAL, "withdrawal:" + withdrawalId, null,
                    "withdrawal " + withdrawalId, List.of(new Leg(from, -amount), new Leg(AccountRef.external(), amount))).transaction();
            Withdrawal.Status status = gateway.payout(withdrawalId, from, amount);
            jdbc.sql("insert into ledger_payouts (id, account_id, owner_id, amount, transaction_id, gateway, status, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(withdrawalId, journal.accountId(from), from.ownerId(), amount, withdrawal.id(), gateway.name(),
                            status.name(), journal.now())
                    .update();
            events.publishEvent(new WithdrawalMade(withdrawalId, from, amount, status));
            return withdrawal(withdrawalId);
        });
    }

    public Withdrawal withdrawal(long withdrawalId) {
        return jdbc.sql("""
                        select p.id, a.kind, p.owner_id, p.amount, p.status, p.gateway, p.transaction_id, p.created_at
                          from ledger_payouts p join ledger_accounts a on a.id = p.account_id where p.id = ?""")
                .param(withdrawalId)
                .query((rs, n) -> new Withdrawal(rs.getLong("id"), new AccountRef(AccountKind.valueOf(rs.getString("kind")), rs.getLong("owner_id")),
                        rs.getLong("amount"), Withdrawal.Status.valueOf(rs.getString("status")), rs.getString("gateway"),
                        rs.getLong("transaction_id"), rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .optional().orElseThrow(() -> new NotFound("Withdrawal", withdrawalId));
    }

    /** The balance of an account in fen; 0 for an account no money has moved through yet. */
    public long balance(AccountRef account) {
        return journal.balance(account);
    }

    /** What a paid order still holds in escrow (paid less refunded, 0 once settled); 0 for an order never paid. */
    public long heldInEscrow(long orderId) {
        return escrow(orderId).map(Escrow::held).orElse(0L);
    }

    /**
     * An account's entries between {@code from} (inclusive) and {@code to} (exclusive), newest first, each with the
     * account's balance right after it. Either bound may be null.
     */
    public PageOf<StatementLine> statement(AccountRef account, @Nullable Instant from, @Nullable Instant to, PageRequest page) {
        return statements.of(account, from, to, page);
    }

    /** The transaction posted for a business fact, such as {@code (PAYMENT, "order:123")}. */
    public Optional<Transaction> transaction(TransactionKind kind, String reference) {
        return journal.find(kind, reference);
    }

    /** Audits the whole ledger against its invariants; see {@link LedgerCheck.Kind} for what is checked. */
    public LedgerCheck check() {
        return audit.run();
    }

    /** Whether accounts may top up their own wallet ({@code laotie.ledger.demo-top-ups}). */
    public boolean demoTopUpsEnabled() {
        return demoTopUps;
    }

    /** The largest top-up or credit in fen. */
    public long maxTopUp() {
        return properties.maxTopUp();
    }

    private record Escrow(long buyerId, long paid, long held, @Nullable Long merchantId, boolean settled) {
    }

    private Optional<Escrow> escrow(long orderId) {
        return jdbc.sql("select buyer_id, paid, held, merchant_id, settled_at from ledger_escrow where order_id = ?").param(orderId)
                .query((rs, n) -> {
                    long merchant = rs.getLong("merchant_id");
                    Long merchantId = rs.wasNull() ? null : merchant;
                    return new Escrow(rs.getLong("buyer_id"), rs.getLong("paid"), rs.getLong("held"), merchantId,
                            rs.getObject("settled_at") != null);
                })
                .optional();
    }

    private Transaction samePayment(Transaction earlier, long orderId, long buyerId, long amount) {
        Escrow escrow = escrow(orderId).orElseThrow();
        if (escrow.buyerId() != buyerId || escrow.paid() != amount) {
            throw new IllegalTransition("Order " + orderId + " was paid already, by account " + escrow.buyerId() + " with " + escrow.paid() + " fen");
        }
        return earlier;
    }

    private Transaction sameRefund(Transaction earlier, long orderId, long amount) {
        if (!Objects.equals(earlier.orderId(), orderId) || earlier.amountOn(AccountRef.escrow()) != -amount) {
            throw new IllegalTransition("That refund id was used for another refund");
        }
        return earlier;
    }

    private Transaction sameSettlement(Escrow escrow, long orderId, long merchantId, long net, String reference) {
        Transaction earlier = journal.find(TransactionKind.SETTLEMENT, reference).orElseGet(() -> nothingToSettle(orderId, reference));
        if (!Objects.equals(escrow.merchantId(), merchantId) || -earlier.amountOn(AccountRef.escrow()) != net) {
            throw new IllegalTransition("The order was settled already, to merchant " + escrow.merchantId()
                    + " with " + -earlier.amountOn(AccountRef.escrow()) + " fen");
        }
        return earlier;
    }

    private Transaction nothingToSettle(long orderId, String reference) {
        return new Transaction(0, TransactionKind.SETTLEMENT, reference, orderId, "nothing left to settle",
                journal.now().toInstant(), List.of());
    }

    private <T> T inSavepoint(Supplier<T> work) {
        return Objects.requireNonNull(savepoint.execute(status -> work.get()));
    }

    private static void requirePositive(long amount) {
        if (amount <= 0) {
            throw ValidationFailed.of("amount", "must be positive");
        }
    }
}
