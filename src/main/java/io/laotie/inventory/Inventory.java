package io.laotie.inventory;

import io.laotie.platform.IllegalTransition;
import io.laotie.platform.Ids;
import io.laotie.platform.NotFound;
import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stock per SKU. Every change of a level is a single guarded {@code UPDATE} (for example
 * {@code reserved = reserved + q WHERE on_hand - reserved >= q}) that fails on zero rows: the database serialises
 * writers on the row, so no interleaving of concurrent buyers can sell more than is on hand. A flash sale can put
 * a faster gate in front of {@link #reserve} (an in-memory or Redis counter that sheds most losers before they
 * reach the row) without changing this guarantee, since the guarded statement stays the last word.
 */
@Service
public class Inventory {

    public static final long MAX_STOCK = 100_000_000L;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Inventory(JdbcClient jdbc, JdbcTemplate batch, Ids ids, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
    }

    /** Starts tracking a new SKU with its initial stock on hand. */
    @Transactional
    public StockLevel track(long skuId, long initialStock, long actorId) {
        if (initialStock < 0 || initialStock > MAX_STOCK) {
            throw ValidationFailed.of("stock", "must be between 0 and " + MAX_STOCK);
        }
        jdbc.sql("insert into stock_levels (sku_id, on_hand, reserved) values (?, ?, 0)").params(skuId, initialStock).update();
        move(skuId, "INITIAL", initialStock, "initial stock", actorId);
        return level(skuId);
    }

    public StockLevel level(long skuId) {
        return find(skuId).orElseThrow(() -> new NotFound("SKU", skuId));
    }

    public Optional<StockLevel> find(long skuId) {
        return jdbc.sql("select sku_id, on_hand, reserved from stock_levels where sku_id = ?").param(skuId)
                .query(Inventory::stockLevel).optional();
    }

    /** Levels of many SKUs at once; SKUs not tracked are absent from the answer. */
    public Map<Long, StockLevel> levels(Collection<Long> skuIds) {
        Map<Long, StockLevel> levels = new HashMap<>();
        if (!skuIds.isEmpty()) {
            jdbc.sql("select sku_id, on_hand, reserved from stock_levels where sku_id in (:ids)").param("ids", skuIds)
                    .query(Inventory::stockLevel).list().forEach(l -> levels.put(l.skuId(), l));
        }
        return levels;
    }

    /**
     * Holds {@code quantity} units for {@code reference} (such as {@code order:123}).
     *
     * @throws InsufficientStock fewer units are available; nothing is held
     */
    @Transactional
    public Reservation reserve(long skuId, long quantity, String reference) {
        if (quantity <= 0 || quantity > MAX_STOCK) {
            throw ValidationFailed.of("quantity", "must be between 1 and " + MAX_STOCK);
        }
        int updated = jdbc.sql("update stock_levels set reserved = reserved + ? where sku_id = ? and on_hand - reserved >= ?")
                .params(quantity, skuId, quantity).update();
        if (updated == 0) {
            level(skuId); // unknown SKU answers 404 rather than "insufficient"
            throw new InsufficientStock(skuId, quantity);
        }
        long id = ids.next();
        OffsetDateTime now = now();
        jdbc.sql("insert into stock_reservations (id, sku_id, quantity, returned, reference, status, created_at, updated_at) values (?, ?, ?, 0, ?, 'HELD', ?, ?)")
                .params(id, skuId, quantity, reference, now, now).update();
        return reservation(id);
    }

    /**
     * Gives held units back (order cancelled or unpaid in time). Releasing twice changes nothing. Units carved from
     * an allotment go back to the allotment while it is open, and to sale once it is closed.
     */
    @Transactional
    public Reservation release(long reservationId) {
        Reservation r = reservation(reservationId);
        if (r.status() == Reservation.Status.RELEASED) {
            return r;
        }
        if (!transition(reservationId, Reservation.Status.HELD, Reservation.Status.RELEASED)) {
            return settled(reservationId, Reservation.Status.RELEASED, "released");
        }
        if (r.parentId() != null) {
            boolean backToAllotment = jdbc.sql("update stock_reservations set carved = carved - ? where id = ? and status = 'HELD'")
                    .params(r.quantity(), r.parentId()).update() == 1;
            if (backToAllotment) {
                return reservation(reservationId);
            }
            jdbc.sql("update stock_reservations set carved = carved - ? where id = ?").params(r.quantity(), r.parentId()).update();
        }
        jdbc.sql("update stock_levels set reserved = reserved - ? where sku_id = ?").params(r.quantity(), r.skuId()).update();
        return reservation(reservationId);
    }

    /**
     * Carves child reservations out of an open allotment, one per draw, with one guarded update of the allotment for
     * all of them: the SKU's stock row is not touched, since the allotment already holds the units. Answers the new
     * reservation ids in the order of {@code draws}.
     *
     * @throws AllotmentExhausted the allotment is closed or has fewer units left than the draws ask; nothing is carved
     */
    @Transactional
    public List<Long> carve(long allotmentId, List<Draw> draws) {
        long total = 0;
        for (Draw draw : draws) {
            if (draw.quantity() <= 0 || draw.quantity() > MAX_STOCK) {
                throw ValidationFailed.of("quantity", "must be between 1 and " + MAX_STOCK);
            }
            total += draw.quantity();
        }
        int updated = jdbc.sql("update stock_reservations set carved = carved + ?, updated_at = ? where id = ? and status = 'HELD' and parent_id is null and carved + ? <= quantity")
                .params(total, now(), allotmentId, total).update();
        Reservation allotment = reservation(allotmentId);
        if (updated == 0) {
            throw new AllotmentExhausted(allotmentId, total);
        }
        long skuId = allotment.skuId();
        OffsetDateTime now = now();
        List<Long> created = new java.util.ArrayList<>(draws.size());
        List<Object[]> rows = new java.util.ArrayList<>(draws.size());
        for (Draw draw : draws) {
            long id = ids.next();
            created.add(id);
            rows.add(new Object[]{id, skuId, draw.quantity(), draw.reference(), allotmentId, now, now});
        }
        batch.batchUpdate("insert into stock_reservations (id, sku_id, quantity, returned, reference, status, parent_id, created_at, updated_at) values (?, ?, ?, 0, ?, 'HELD', ?, ?, ?)", rows);
        return created;
    }

    /** Units to carve from an allotment for a holder such as {@code order:123}. */
    public record Draw(long quantity, String reference) {
    }

    /**
     * Closes an allotment: its units not carved go back to sale, and units its children give back later go to sale
     * too. Answers how many units went back now; closing twice answers 0.
     */
    @Transactional
    public long close(long allotmentId) {
        Reservation allotment = jdbc.sql("select * from stock_reservations where id = ? for update").param(allotmentId)
                .query(Inventory::reservationRow).optional().orElseThrow(() -> new NotFound("Reservation", allotmentId));
        if (allotment.status() != Reservation.Status.HELD || allotment.parentId() != null) {
            return 0;
        }
        long unclaimed = allotment.quantity() - allotment.carved();
        transition(allotmentId, Reservation.Status.HELD, Reservation.Status.RELEASED);
        if (unclaimed > 0) {
            jdbc.sql("update stock_levels set reserved = reserved - ? where sku_id = ?").params(unclaimed, allotment.skuId()).update();
        }
        return unclaimed;
    }

    /** The order was paid: the held units leave stock for good. Confirming twice changes nothing. */
    @Transactional
    public Reservation confirm(long reservationId) {
        Reservation r = reservation(reservationId);
        if (r.status() == Reservation.Status.CONFIRMED) {
            return r;
        }
        if (!transition(reservationId, Reservation.Status.HELD, Reservation.Status.CONFIRMED)) {
            return settled(reservationId, Reservation.Status.CONFIRMED, "confirmed");
        }
        jdbc.sql("update stock_levels set on_hand = on_hand - ?, reserved = reserved - ? where sku_id = ?")
                .params(r.quantity(), r.quantity(), r.skuId()).update();
        move(r.skuId(), "SALE", -r.quantity(), r.reference(), null);
        return reservation(reservationId);
    }

    /** Returned goods go back on hand (an approved return). At most the confirmed quantity can come back. */
    @Transactional
    public Reservation returnToStock(long reservationId, long quantity) {
        if (quantity <= 0) {
            throw ValidationFailed.of("quantity", "must be positive");
        }
        Reservation r = reservation(reservationId);
        int updated = jdbc.sql("update stock_reservations set returned = returned + ?, updated_at = ? where id = ? and status = 'CONFIRMED' and returned + ? <= quantity")
                .params(quantity, now(), reservationId, quantity).update();
        if (updated == 0) {
            throw new IllegalTransition("Reservation " + reservationId + " cannot take back " + quantity + " more units");
        }
        jdbc.sql("update stock_levels set on_hand = on_hand + ? where sku_id = ?").params(quantity, r.skuId()).update();
        move(r.skuId(), "RETURN", quantity, r.reference(), null);
        return reservation(reservationId);
    }

    /**
     * Changes stock on hand by a signed delta with a reason. Stock can never fall below what is reserved.
     *
     * @throws InsufficientStock the delta would take stock below the reserved units
     */
    @Transactional
    public StockLevel adjust(long skuId, long delta, String reason, long actorId) {
        if (delta == 0 || Math.abs(delta) > MAX_STOCK) {
            throw ValidationFailed.of("delta", "must be non-zero and at most " + MAX_STOCK + " in size");
        }
        int updated = jdbc.sql("update stock_levels set on_hand = on_hand + ? where sku_id = ? and on_hand + ? >= reserved and on_hand + ? <= ?")
                .params(delta, skuId, delta, delta, MAX_STOCK).update();
        if (updated == 0) {
            StockLevel level = level(skuId);
            if (level.stock() + delta > MAX_STOCK) {
                throw ValidationFailed.of("delta", "stock may not exceed " + MAX_STOCK);
            }
            throw new InsufficientStock(skuId, -delta);
        }
        move(skuId, "ADJUSTMENT", delta, reason, actorId);
        StockLevel level = level(skuId);
        events.publishEvent(new StockAdjusted(skuId, delta, reason, actorId, level.stock(), level.reserved()));
        return level;
    }

    public Reservation reservation(long reservationId) {
        return jdbc.sql("select * from stock_reservations where id = ?").param(reservationId).query(Inventory::reservationRow)
                .optional().orElseThrow(() -> new NotFound("Reservation", reservationId));
    }

    /** Stock movements of a SKU, newest first. */
    public List<StockMovement> movements(long skuId, int limit) {
        return jdbc.sql("select * from stock_movements where sku_id = ? order by id desc limit ?").params(skuId, limit)
                .query((rs, n) -> new StockMovement(rs.getLong("id"), rs.getLong("sku_id"), rs.getString("kind"),
                        rs.getLong("delta"), rs.getString("reason"),
                        rs.getObject("actor_id") == null ? null : rs.getLong("actor_id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** After a lost race: fine if the winner did the same thing, refused if it did the opposite. */
    private Reservation settled(long reservationId, Reservation.Status wanted, String verb) {
        Reservation now = reservation(reservationId);
        if (now.status() == wanted) {
            return now;
        }
        throw new IllegalTransition("Reservation " + reservationId + " is " + now.status() + " and cannot be " + verb);
    }

    private boolean transition(long reservationId, Reservation.Status from, Reservation.Status to) {
        return jdbc.sql("update stock_reservations set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), now(), reservationId, from.name()).update() == 1;
    }

    private void move(long skuId, String kind, long delta, String reason, @Nullable Long actorId) {
        jdbc.sql("insert into stock_movements (id, sku_id, kind, delta, reason, actor_id, at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(ids.next(), skuId, kind, delta, reason, actorId, now()).update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Reservation reservationRow(ResultSet rs, int row) throws SQLException {
        long parent = rs.getLong("parent_id");
        boolean noParent = rs.wasNull();
        return new Reservation(rs.getLong("id"), rs.getLong("sku_id"), rs.getLong("quantity"), rs.getLong("returned"),
                rs.getString("reference"), Reservation.Status.valueOf(rs.getString("status")), noParent ? null : parent,
                rs.getLong("carved"));
    }

    private static StockLevel stockLevel(ResultSet rs, int row) throws SQLException {
        return new StockLevel(rs.getLong("sku_id"), rs.getLong("on_hand"), rs.getLong("reserved"));
    }
}
