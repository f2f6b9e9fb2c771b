package io.laotie.ledger;

import io.laotie.ledger.LedgerCheck.Finding;
import io.laotie.ledger.LedgerCheck.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks the whole ledger against its invariants, one query per invariant, all in one repeatable-read snapshot so
 * postings made meanwhile cannot look like problems. Reads only; each query reports at most
 * {@link LedgerCheck#LIMIT_PER_KIND} findings.
 */
final class Audit {

    private static final int LIMIT = LedgerCheck.LIMIT_PER_KIND;
    private static final String GUARDED = kinds(AccountKind::guarded);
    private static final String PLATFORM_NEVER_NEGATIVE = kinds(k -> k.platform() && k.neverNegative());

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate snapshot;

    Audit(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    LedgerCheck run() {
        return Objects.requireNonNull(snapshot.execute(status -> {
            List<Finding> problems = new ArrayList<>();
            unbalancedTransactions(problems);
            emptyTransactions(problems);
            balances(problems);
            negativePlatformAccounts(problems);
            chains(problems);
            escrow(problems);
            pending(problems);
            return new LedgerCheck(problems.isEmpty(), count("ledger_transactions"), count("ledger_accounts"),
                    count("ledger_entries"), clock.instant(), problems);
        }));
    }

    private void unbalancedTransactions(List<Finding> problems) {
        jdbc.sql("select transaction_id, sum(amount) as total from ledger_entries group by transaction_id having sum(amount) <> 0 order by transaction_id limit ?")
                .param(LIMIT)
                .query(rs -> {
                    problems.add(new Finding(Kind.UNBALANCED_TRANSACTION, null, rs.getLong(1),
                            "its entries sum to " + rs.getLong(2) + " fen, not 0"));
                });
    }

    private void emptyTransactions(List<Finding> problems) {
        jdbc.sql("select t.id from ledger_transactions t where not exists (select 1 from ledger_entries e where e.transaction_id = t.id) order by t.id limit ?")
                .param(LIMIT)
                .query(rs -> {
                    problems.add(new Finding(Kind.EMPTY_TRANSACTION, null, rs.getLong(1), "it has no entries"));
                });
    }

    /** Accounts with a balance row: the row must equal the sum of the entries, and neither may be below zero. */
    private void balances(List<Finding> problems) {
        jdbc.sql("""
                        select a.id, a.kind, a.balance, coalesce(s.total, 0) as total
                          from ledger_accounts a
                          left join (select account_id, sum(amount) as total from ledger_entries group by account_id) s on s.account_id = a.id
                         where a.kind in (%s)
                           and (a.balance is null or a.balance <> coalesce(s.total, 0) or a.balance < 0 or coalesce(s.total, 0) < 0)
                         order by a.id limit ?""".formatted(GUARDED))
                .param(LIMIT)
                .query(rs -> {
                    long id = rs.getLong("id");
                    long balance = rs.getLong("balance");
                    boolean missing = rs.wasNull();
                    long total = rs.getLong("total");
                    if (missing || balance != total) {
                        problems.add(new Finding(Kind.BALANCE_MISMATCH, id, null, rs.getString("kind") + " has a balance of "
                                + (missing ? "nothing" : balance + " fen") + " but its entries sum to " + total + " fen"));
                    }
                    if (!missing && balance < 0 || total < 0) {
                        problems.add(new Finding(Kind.NEGATIVE_BALANCE, id, null, rs.getString("kind") + " is below zero: balance "
                                + (missing ? "missing" : balance + " fen") + ", entries " + total + " fen"));
                    }
                });
    }

    /** Escrow can hold no less than nothing, and the platform cannot have earned less than nothing. */
    private void negativePlatformAccounts(List<Finding> problems) {
        jdbc.sql("""
                        select a.id, a.kind, sum(e.amount) as total from ledger_accounts a join ledger_entries e on e.account_id = a.id
                         where a.kind in (%s) group by a.id, a.kind having sum(e.amount) < 0""".formatted(PLATFORM_NEVER_NEGATIVE))
                .query(rs -> {
                    problems.add(new Finding(Kind.NEGATIVE_BALANCE, rs.getLong("id"), null,
                            rs.getString("kind") + " holds " + rs.getLong("total") + " fen"));
                });
    }

    /**
     * Each entry of an account with a balance row: its place in the chain is the next one, and its balance after is
     * the previous entry's balance after plus its amount (the amount itself for the first entry), never negative.
     */
    private void chains(List<Finding> problems) {
        jdbc.sql("""
                        select id, account_id, transaction_id, amount, balance_after, seq, before_balance, place from (
                            select e.id, e.account_id, e.transaction_id, e.amount, e.balance_after, e.seq,
                                   lag(e.balance_after) over (partition by e.account_id order by e.seq, e.id) as before_balance,
                                   row_number() over (partition by e.account_id order by e.seq, e.id) as place
                              from ledger_entries e join ledger_accounts a on a.id = e.account_id
                             where a.kind in (%s)) chain
                         where balance_after is null or balance_after < 0 or seq is null or seq <> place
                            or (place = 1 and balance_after <> amount)
                            or (place > 1 and (before_balance is null or balance_after <> before_balance + amount))
                         order by account_id, place limit ?""".formatted(GUARDED))
                .param(LIMIT)
                .query(rs -> {
                    long entry = rs.getLong("id");
                    long account = rs.getLong("account_id");
                    long transaction = rs.getLong("transaction_id");
                    long after = rs.getLong("balance_after");
                    boolean missing = rs.wasNull();
                    long place = rs.getLong("place");
                    long seq = rs.getLong("seq");
                    boolean unplaced = rs.wasNull() || seq != place;
                    if (!missing && after < 0) {
                        problems.add(new Finding(Kind.NEGATIVE_BALANCE, account, transaction,
                                "entry " + entry + " leaves a balance of " + after + " fen"));
                    }
                    long before = rs.getLong("before_balance");
                    boolean noBefore = rs.wasNull();
                    long expected = (place == 1 ? 0 : before) + rs.getLong("amount");
                    if (missing || unplaced || place > 1 && noBefore || after != expected) {
                        problems.add(new Finding(Kind.BROKEN_CHAIN, account, transaction, "entry " + entry + " (number " + place
                                + (unplaced ? ", numbered " + (seq == 0 ? "nothing" : seq) : "") + ") says the balance after it is "
                                + (missing ? "nothing" : after + " fen") + ", but "
                                + (place > 1 && noBefore ? "the entry before it has none" : expected + " fen follows from the entries")));
                    }
                });
    }

    /** What each order holds in escrow must be what its payment, refunds and settlement put in and took out. */
    private void escrow(List<Finding> problems) {
        jdbc.sql("""
                        select h.order_id, h.held, coalesce(s.total, 0) as total from ledger_escrow h left join (
                            select t.order_id, sum(e.amount) as total from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
                             where e.account_id = ? and t.order_id is not null group by t.order_id) s on s.order_id = h.order_id
                         where h.held <> coalesce(s.total, 0) order by h.order_id limit ?""")
                .params(Journal.ESCROW_ID, LIMIT)
                .query(rs -> {
                    problems.add(new Finding(Kind.ESCROW_MISMATCH, Journal.ESCROW_ID, null, "order " + rs.getLong("order_id")
                            + " holds " + rs.getLong("held") + " fen in escrow, but its escrow entries sum to " + rs.getLong("total") + " fen"));
                });
    }

    /** A merchant's pending balance must be exactly the settled money still waiting for its release. */
    private void pending(List<Finding> problems) {
        jdbc.sql("""
                        select a.id, a.owner_id, a.balance, coalesce(r.waiting, 0) as waiting from ledger_accounts a left join (
                            select merchant_id, sum(amount) as waiting from ledger_releases where released_at is null group by merchant_id
                        ) r on r.merchant_id = a.owner_id
                         where a.kind = 'MERCHANT_PENDING' and (a.balance is null or a.balance <> coalesce(r.waiting, 0))
                         order by a.id limit ?""")
                .param(LIMIT)
                .query(rs -> {
                    problems.add(new Finding(Kind.PENDING_MISMATCH, rs.getLong("id"), null, "merchant " + rs.getLong("owner_id")
                            + " has " + rs.getLong("balance") + " fen pending, but " + rs.getLong("waiting") + " fen waits for release"));
                });
        jdbc.sql("""
                        select r.merchant_id, sum(r.amount) as waiting from ledger_releases r
                         where r.released_at is null
                           and not exists (select 1 from ledger_accounts a where a.kind = 'MERCHANT_PENDING' and a.owner_id = r.merchant_id)
                         group by r.merchant_id order by r.merchant_id limit ?""")
                .param(LIMIT)
                .query(rs -> {
                    problems.add(new Finding(Kind.PENDING_MISMATCH, null, null, "merchant " + rs.getLong("merchant_id")
                            + " has no pending account, but " + rs.getLong("waiting") + " fen waits for release"));
                });
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String kinds(Predicate<AccountKind> which) {
        return Arrays.stream(AccountKind.values()).filter(which).map(k -> "'" + k.name() + "'").collect(Collectors.joining(", "));
    }
}
