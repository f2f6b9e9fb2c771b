package io.laotie.trust.internal;

import io.laotie.order.ImportedOrder;
import io.laotie.order.OrderHistoryImported;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The repurchase model's inputs: every order credited to a creator, imported or paid live, with its calendar day in
 * the platform zone and its amount ({@code repurchase_purchases}); a fully refunded one is kept as a tombstone and
 * counts nowhere. Every change raises the creator's revision ({@code repurchase_inputs}), which is how cached fits
 * know they are stale.
 */
@Component
public class PurchaseHistories implements ImportedChunkStep {

    private static final int BATCH = 1_000;

    /** One buyer's purchase days with a creator up to a date: first and last day, distinct days, and the fen spent. */
    public record BuyerDays(long buyerId, LocalDate first, LocalDate last, int days, long value) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ZoneId zone;

    PurchaseHistories(JdbcClient jdbc, JdbcTemplate batches, ZoneId platformZone) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.zone = platformZone;
    }

    /** Imported orders count as they are: placeholders are linked to no one, and the history is the merchant's. */
    @Override
    public void absorb(OrderHistoryImported chunk, List<ImportedOrder> orders) {
        List<Object[]> rows = new ArrayList<>(BATCH);
        for (ImportedOrder order : orders) {
            rows.add(new Object[]{order.orderId(), chunk.creatorId(), order.buyerId(), day(order.orderedAt()), order.amount()});
            if (rows.size() == BATCH) {
                insert(rows);
            }
        }
        insert(rows);
        touch(chunk.creatorId());
    }

    private void insert(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            batches.batchUpdate("insert into repurchase_purchases (order_id, creator_id, buyer_id, bought_on, amount) values (?, ?, ?, ?, ?)", rows);
            rows.clear();
        }
    }

    /** A paid order credited to the creator; a second report of it (or one already refunded) changes nothing. */
    public void paid(long orderId, long creatorId, long buyerId, Instant at, long amount) {
        int added = jdbc.sql("""
                        insert into repurchase_purchases (order_id, creator_id, buyer_id, bought_on, amount)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(orderId, creatorId, buyerId, day(at), amount).update();
        if (added > 0) {
            touch(creatorId);
        }
    }

    /**
     * The order was refunded in full: it no longer counts. Heard before its payment (listeners run independently), it
     * leaves a tombstone that keeps the payment out.
     */
    public void refundedInFull(long orderId, long creatorId, long buyerId, Instant at) {
        int marked = jdbc.sql("update repurchase_purchases set refunded = true where order_id = ? and not refunded").param(orderId).update();
        if (marked == 0) {
            // "On conflict do nothing" rather than catching the unique violation: on PostgreSQL a failed statement
            // aborts the listener's whole transaction.
            int tombstone = jdbc.sql("""
                            insert into repurchase_purchases (order_id, creator_id, buyer_id, bought_on, amount, refunded)
                            values (?, ?, ?, ?, 0, true) on conflict do nothing""")
                    .params(orderId, creatorId, buyerId, day(at)).update();
            if (tombstone == 0) {
                jdbc.sql("update repurchase_purchases set refunded = true where order_id = ?").param(orderId).update();
            }
        }
        touch(creatorId);
    }

    /**
     * Part of the order's money went back, and it stays a purchase (the buyer still bought): the refund comes off the
     * buyer's past value. Each refund is taken once, however often it is heard, and before or after its payment.
     */
    public void refundedInPart(long refundId, long orderId, long creatorId, long amount) {
        int added = jdbc.sql("insert into repurchase_refunds (refund_id, order_id, creator_id, amount) values (?, ?, ?, ?) on conflict do nothing")
                .params(refundId, orderId, creatorId, amount).update();
        if (added > 0) {
            touch(creatorId);
        }
    }

    /** Raises the creator's revision: cached fits of the creator are stale from now on. */
    private void touch(long creatorId) {
        if (jdbc.sql("update repurchase_inputs set revision = revision + 1 where creator_id = ?").param(creatorId).update() == 0
                && jdbc.sql("insert into repurchase_inputs (creator_id, revision) values (?, 1) on conflict do nothing").param(creatorId).update() == 0) {
            // A concurrent first change inserted the row (PostgreSQL waited for it to commit): count this one on top.
            jdbc.sql("update repurchase_inputs set revision = revision + 1 where creator_id = ?").param(creatorId).update();
        }
    }

    /** The creator's input revision (0 before any input). */
    public long revision(long creatorId) {
        return jdbc.sql("select revision from repurchase_inputs where creator_id = ?").param(creatorId).query(Long.class)
                .optional().orElse(0L);
    }

    /**
     * Every buyer whose first purchase day with the creator falls in [from, to], with their purchase days up to
     * {@code to}: one grouped query, so a creator with a hundred thousand buyers is read in one pass.
     */
    public List<BuyerDays> firstBuyingBetween(long creatorId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select p.buyer_id, min(p.bought_on), max(p.bought_on), count(distinct p.bought_on),
                               sum(p.amount) - coalesce(sum(r.refunded), 0)
                          from repurchase_purchases p
                          left join (select order_id, sum(amount) refunded from repurchase_refunds where creator_id = ? group by order_id) r
                            on r.order_id = p.order_id
                         where p.creator_id = ? and not p.refunded and p.bought_on <= ?
                         group by p.buyer_id having min(p.bought_on) >= ?""")
                .params(creatorId, creatorId, to, from)
                .query((rs, n) -> new BuyerDays(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getInt(4), rs.getLong(5)))
                .list();
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }
}
