package io.laotie.ledger;

import io.laotie.platform.Ids;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The books: accounts made on first use, transactions posted once per (kind, reference), and entries that sum to
 * zero. An account with a balance row changes only through one guarded statement per entry
 * ({@code balance + amount >= 0}), so no interleaving of concurrent postings can overdraw it. Platform accounts
 * get entries only. Every method must run inside a transaction; the {@link Ledger} opens one.
 */
final class Journal {

    static final long ESCROW_ID = 1;
    static final long PLATFORM_REVENUE_ID = 2;
    static final long PLATFORM_SUBSIDY_ID = 3;
    static final long EXTERNAL_ID = 4;

    /** How long to wait for a row another transaction inserted (and has not committed) to become visible. */
    private static final Duration RACE_WAIT = Duration.ofSeconds(20);

    /** One side of a transaction to post. */
    record Leg(AccountRef account, long amount) {
    }

    /** A posted transaction, and whether this call posted it or found it posted before. */
    record Posted(Transaction transaction, boolean fresh) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;
    private final TransactionTemplate savepoint;

    Journal(JdbcClient jdbc, Ids ids, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /**
     * Posts the legs as one transaction, unless {@code (kind, reference)} was posted before: then the earlier
     * transaction is the answer and nothing moves. Legs of 0 are left out.
     *
     * @throws InsufficientBalance a guarded account would go negative; the caller's transaction must be rolled
     *                             back (to its savepoint), since entries before it may be written
     */
    Posted post(TransactionKind kind, String reference, @Nullable Long orderId, String memo, List<Leg> legs) {
        if (legs.stream().mapToLong(Leg::amount).sum() != 0) {
            throw new IllegalArgumentException("The legs of " + kind + " " + reference + " do not sum to zero: " + legs);
        }
        Optional<Transaction> earlier = find(kind, reference);
        if (earlier.isPresent()) {
            return new Posted(earlier.get(), false);
        }
        long transactionId = ids.next();
        OffsetDateTime now = now();
        Optional<Transaction> first = insertOrFind(
                () -> jdbc.sql("insert into ledger_transactions (id, kind, reference, order_id, memo, created_at) values (?, ?, ?, ?, ?, ?)")
                        .params(transactionId, kind.name(), reference, orderId, memo, now).update(),
                () -> find(kind, reference), kind + " " + reference);
        if (first.isPresent()) { // a concurrent call posted the same fact first
            return new Posted(first.get(), false);
        }
        List<Resolved> resolved = new ArrayList<>();
        for (Leg leg : legs) {
            if (leg.amount() != 0) {
                resolved.add(new Resolved(leg, accountId(leg.account())));
            }
        }
        // Rows are locked in one order (by id), so two postings touching the same accounts cannot deadlock.
        resolved.sort(Comparator.comparingLong(Resolved::accountId));
        for (Resolved r : resolved) {
            enter(transactionId, r, now);
        }
        return new Posted(find(kind, reference).orElseThrow(), true);
    }

    private record Resolved(Leg leg, long accountId) {
    }

    private void enter(long transactionId, Resolved r, OffsetDateTime now) {
        long amount = r.leg().amount();
        if (r.leg().account().kind().platform()) {
            jdbc.sql("insert into ledger_entries (id, transaction_id, account_id, amount, balance_after, seq, created_at) values (?, ?, ?, ?, null, null, ?)")
                    .params(ids.next(), transactionId, r.accountId(), amount, now).update();
            return;
        }
        int updated = jdbc.sql("update ledger_accounts set balance = balance + ?, entry_count = entry_count + 1 where id = ? and balance + ? >= 0")
                .params(amount, r.accountId(), amount).update();
        if (updated == 0) {
            throw InsufficientBalance.of(r.leg().account(), -amount);
        }
        // Read under the row lock the update took, so it is this entry's balance and place in the chain.
        long[] after = jdbc.sql("select balance, entry_count from ledger_accounts where id = ?").param(r.accountId())
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
        jdbc.sql("insert into ledger_entries (id, transaction_id, account_id, amount, balance_after, seq, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(ids.next(), transactionId, r.accountId(), amount, after[0], after[1], now).update();
    }

    Optional<Transaction> find(TransactionKind kind, String reference) {
        return jdbc.sql("select id, kind, reference, order_id, memo, created_at from ledger_transactions where kind = ? and reference = ?")
                .params(kind.name(), reference).query(Journal::header).optional().map(this::withEntries);
    }

    /** The id of an account, creating it on first use; two concurrent first uses end with one account. */
    long accountId(AccountRef account) {
        Optional<Long> known = findAccountId(account);
        if (known.isPresent()) {
            return known.get();
        }
        long id = ids.next();
        return insertOrFind(
                () -> jdbc.sql("insert into ledger_accounts (id, kind, owner_id, balance, entry_count, created_at) values (?, ?, ?, 0, 0, ?)")
                        .params(id, account.kind().name(), account.ownerId(), now()).update(),
                () -> findAccountId(account), "account " + account)
                .orElse(id);
    }

    Optional<Long> findAccountId(AccountRef account) {
        return switch (account.kind()) {
            case ESCROW -> Optional.of(ESCROW_ID);
            case PLATFORM_REVENUE -> Optional.of(PLATFORM_REVENUE_ID);
            case PLATFORM_SUBSIDY -> Optional.of(PLATFORM_SUBSIDY_ID);
            case EXTERNAL -> Optional.of(EXTERNAL_ID);
            default -> jdbc.sql("select id from ledger_accounts where kind = ? and owner_id = ?")
                    .params(account.kind().name(), account.ownerId()).query(Long.class).optional();
        };
    }

    /**
     * Locks the balance rows of the given accounts that exist, in id order (the order {@link #post} locks them in), for
     * the rest of the transaction: a caller that reads balances before posting reads what its posting will change.
     */
    void lockInOrder(AccountRef... accounts) {
        java.util.Arrays.stream(accounts).map(this::findAccountId).flatMap(Optional::stream).distinct().sorted()
                .forEach(id -> jdbc.sql("select id from ledger_accounts where id = ? for update").param(id).query(Long.class).optional());
    }

    /** The balance of an account: its balance row where it has one, else the sum of its entries; 0 before first use. */
    long balance(AccountRef account) {
        Optional<Long> id = findAccountId(account);
        if (id.isEmpty()) {
            return 0;
        }
        if (account.kind().platform()) {
            return jdbc.sql("select coalesce(sum(amount), 0) from ledger_entries where account_id = ?").param(id.get())
                    .query(Long.class).single();
        }
        return jdbc.sql("select balance from ledger_accounts where id = ?").param(id.get()).query(Long.class).single();
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /**
     * Inserts a row with a unique key, or finds the row someone else inserted with that key: empty when this call
     * inserted it. The insert runs in a savepoint of its own, so a unique violation rolls back only the savepoint and
     * the surrounding transaction stays usable on PostgreSQL too. PostgreSQL lets the losing insert wait until the
     * winner commits, so the winner's row is there at once; H2 may refuse the insert while the winner is still open,
     * so look again briefly, and insert again should the winner roll back.
     */
    private <T> Optional<T> insertOrFind(Runnable insert, Supplier<Optional<T>> lookup, String what) {
        long deadline = System.nanoTime() + RACE_WAIT.toNanos();
        long pause = 1;
        while (true) {
            try {
                savepoint.executeWithoutResult(status -> insert.run());
                return Optional.empty();
            } catch (DuplicateKeyException taken) {
                Optional<T> found = lookup.get();
                if (found.isPresent()) {
                    return found;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up waiting for " + what + " that a concurrent transaction is creating");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for " + what, e);
            }
            pause = Math.min(pause * 2, 50);
        }
    }

    /** A transaction without its entries: see {@link #withEntries}. */
    private static Transaction header(ResultSet rs, int row) throws SQLException {
        long order = rs.getLong("order_id");
        Long orderId = rs.wasNull() ? null : order;
        return new Transaction(rs.getLong("id"), TransactionKind.valueOf(rs.getString("kind")), rs.getString("reference"), orderId,
                rs.getString("memo"), rs.getObject("created_at", OffsetDateTime.class).toInstant(), List.of());
    }

    /**
     * Entries are read once the transaction's row is read, never from inside its row mapper, where the query would
     * need a second connection while the first is still open (outside a transaction), and enough concurrent readers
     * would hold every connection of the pool, each waiting for one more.
     */
    private Transaction withEntries(Transaction t) {
        return new Transaction(t.id(), t.kind(), t.reference(), t.orderId(), t.memo(), t.createdAt(), entries(t.id()));
    }

    private List<Transaction.Entry> entries(long transactionId) {
        return jdbc.sql("""
                        select e.id, e.account_id, a.kind, a.owner_id, e.amount, e.balance_after
                          from ledger_entries e join ledger_accounts a on a.id = e.account_id
                         where e.transaction_id = ? order by e.id""")
                .param(transactionId)
                .query((rs, n) -> {
                    long after = rs.getLong("balance_after");
                    Long balanceAfter = rs.wasNull() ? null : after;
                    return new Transaction.Entry(rs.getLong("id"), rs.getLong("account_id"),
                            new AccountRef(AccountKind.valueOf(rs.getString("kind")), rs.getLong("owner_id")),
                            rs.getLong("amount"), balanceAfter);
                })
                .list();
    }
}
