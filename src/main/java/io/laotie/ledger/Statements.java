package io.laotie.ledger;

import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An account's entries with the running balance after each. The running balance is worked out by a window
 * function over the entries in the period, on top of the sum of all entries before it, the same way for every
 * account: platform accounts keep no balance after their entries, and for the others it shows what the entries say
 * rather than repeating what was stored.
 */
final class Statements {

    private final JdbcClient jdbc;
    private final Journal journal;

    Statements(JdbcClient jdbc, Journal journal) {
        this.jdbc = jdbc;
        this.journal = journal;
    }

    PageOf<StatementLine> of(AccountRef account, @Nullable Instant from, @Nullable Instant to, PageRequest page) {
        Optional<Long> accountId = journal.findAccountId(account);
        if (accountId.isEmpty()) {
            return new PageOf<>(List.of(), page.page(), page.size(), 0);
        }
        StringBuilder where = new StringBuilder(" where e.account_id = ?");
        List<Object> params = new ArrayList<>(List.of(accountId.get()));
        if (from != null) {
            where.append(" and e.created_at >= ?");
            params.add(utc(from));
        }
        if (to != null) {
            where.append(" and e.created_at < ?");
            params.add(utc(to));
        }
        long opening = from == null ? 0 : jdbc.sql("select coalesce(sum(amount), 0) from ledger_entries where account_id = ? and created_at < ?")
                .params(accountId.get(), utc(from)).query(Long.class).single();
        long total = jdbc.sql("select count(*) from ledger_entries e" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        // Entries of an account with a balance row are ordered by their place in its chain (seq); platform entries,
        // which have none, by id.
        List<StatementLine> lines = jdbc.sql("""
                        select * from (
                            select e.id as entry_id, e.transaction_id, e.amount, e.created_at, e.seq,
                                   t.kind, t.reference, t.order_id, t.memo,
                                   sum(e.amount) over (order by e.seq, e.id rows between unbounded preceding and current row) as running
                              from ledger_entries e join ledger_transactions t on t.id = e.transaction_id""" + where + """
                        ) lines order by seq desc, entry_id desc limit ? offset ?""")
                .params(pageParams)
                .query((rs, n) -> {
                    long order = rs.getLong("order_id");
                    Long orderId = rs.wasNull() ? null : order;
                    return new StatementLine(rs.getLong("entry_id"), rs.getLong("transaction_id"),
                            TransactionKind.valueOf(rs.getString("kind")), rs.getString("reference"), orderId,
                            rs.getString("memo"), rs.getLong("amount"), opening + rs.getLong("running"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant());
                })
                .list();
        return new PageOf<>(lines, page.page(), page.size(), total);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
