package io.laotie.live;

import io.laotie.catalog.ProductStatus;
import io.laotie.catalog.Products;
import io.laotie.catalog.SkuForSale;
import io.laotie.identity.Caller;
import io.laotie.inventory.Inventory;
import io.laotie.live.room.Frame;
import io.laotie.live.room.RoomHub;
import io.laotie.order.OrderCancelled;
import io.laotie.order.Orders;
import io.laotie.platform.Conflict;
import io.laotie.platform.Ids;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.NotFound;
import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Flash sales (秒杀) in a live room. Creating one holds its quantity from stock as one inventory allotment (refused
 * when the stock is not there) and announces a countdown; while it runs, a room purchase of that SKU pays the sale
 * price, is counted against the quantity and the buyer's limit in memory ({@link FlashSaleGate}), and its order
 * carves units from the allotment, so buyers never queue on a database row. Flash-sale orders must be paid within
 * {@code laotie.live.flash-sale-payment-timeout}; an unpaid or cancelled one gives its unit back to the sale while
 * it runs. When the sale ends (time is up, the creator ends it, or the session ends) the allotment is closed: what
 * is unsold goes back to stock at once, and units of orders cancelled later go back to stock too.
 *
 * <p>The room hears {@code flash-sale} frames: scheduled, started, remaining (at most once a second), sold-out,
 * ended. The counting is per node, like the room itself; the allotment's guarded update keeps a second node from
 * overselling, at worst refusing a buyer the first node would have served.
 */
@Service
public class FlashSales implements SmartInitializingSingleton {

    public static final int MAX_QUANTITY = 100_000;
    public static final int MAX_PER_BUYER = 999;
    private static final Duration REMAINING_EVERY = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(FlashSales.class);

    /** What a claim gives a room purchase: the allotment to draw from and the price. */
    public record Claim(long flashSaleId, long allotmentId, long price, long creatorId) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final LiveSessions sessions;
    private final Shelf shelf;
    private final Products products;
    private final Inventory inventory;
    private final ObjectProvider<Orders> orders; // Orders needs the pricing steps, one of which needs this
    private final RoomHub hub;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate ownTransaction;
    private final Map<Long, FlashSaleGate> open = new ConcurrentHashMap<>();

    FlashSales(JdbcClient jdbc, Ids ids, LiveSessions sessions, Shelf shelf, Products products, Inventory inventory,
               ObjectProvider<Orders> orders, RoomHub hub, Clock clock, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.sessions = sessions;
        this.shelf = shelf;
        this.products = products;
        this.inventory = inventory;
        this.orders = orders;
        this.hub = hub;
        this.clock = clock;
        this.tx = tx;
        this.ownTransaction = new TransactionTemplate(Objects.requireNonNull(tx.getTransactionManager()));
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Starts the countdown of a flash sale in a live session of the caller. */
    public FlashSale create(long liveSessionId, Caller caller, NewFlashSale request) {
        LiveSessions.Row session = sessions.managed(liveSessionId, caller);
        if (session.status() != SessionStatus.LIVE) {
            throw new IllegalTransition("Session " + liveSessionId + " is " + session.status() + "; a flash sale runs while it is live");
        }
        Shelf.Item item = shelf.rows(liveSessionId).stream().filter(i -> i.id() == request.shelfItemId()).findFirst()
                .orElseThrow(() -> ValidationFailed.unprocessable("shelfItemId", "no such item on this session's shelf"));
        SkuForSale sku = sku(request.skuId());
        if (sku.productId() != item.productId() || sku.status() != ProductStatus.ACTIVE) {
            throw ValidationFailed.unprocessable("skuId", "must be a SKU on sale of the shelf item's product");
        }
        long usual = shelf.livePrice(item.id(), sku.skuId()).orElse(sku.price());
        if (request.price() > usual) {
            throw ValidationFailed.of("price", "must not be above the SKU's " + (usual < sku.price() ? "live " : "") + "price of " + usual + " fen");
        }
        if (request.perBuyerLimit() > request.quantity()) {
            throw ValidationFailed.of("perBuyerLimit", "must not be above the quantity");
        }
        long id = ids.next();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant startsAt = now.plusSeconds(request.countdownSeconds());
        Instant endsAt = startsAt.plusSeconds(request.durationSeconds());
        long allotment;
        try {
            allotment = tx.execute(status -> {
                long held = inventory.reserve(sku.skuId(), request.quantity(), "flash-sale:" + id).id();
                jdbc.sql("""
                                insert into flash_sales (id, live_session_id, creator_id, shelf_item_id, product_id, sku_id, price, usual_price,
                                                         quantity, per_buyer_limit, allotment_id, open_key, starts_at, ends_at, created_by, created_at)
                                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(id, liveSessionId, session.creatorId(), item.id(), sku.productId(), sku.skuId(), request.price(), usual,
                                request.quantity(), request.perBuyerLimit(), held, liveSessionId + ":" + sku.skuId(),
                                Timestamp.from(startsAt), Timestamp.from(endsAt), caller.accountId(), Timestamp.from(now))
                        .update();
                return held;
            });
        } catch (DuplicateKeyException e) {
            throw new Conflict("flash-sale-open", "A flash sale is already open",
                    "This SKU already has a flash sale in session " + liveSessionId + "; end it first");
        }
        FlashSaleGate gate = new FlashSaleGate(id, liveSessionId, session.creatorId(), item.id(), sku.skuId(), request.price(),
                allotment, request.quantity(), request.perBuyerLimit(), startsAt, endsAt);
        open.put(id, gate);
        shelf.stockChanged(liveSessionId);
        hub.broadcast(liveSessionId, frame(gate, "scheduled")
                .with("shelfItemId", Long.toString(item.id())).with("skuId", Long.toString(sku.skuId()))
                .with("price", request.price()).with("usualPrice", usual).with("quantity", request.quantity())
                .with("perBuyerLimit", request.perBuyerLimit()).with("countdownSeconds", request.countdownSeconds())
                .with("startsAt", startsAt.toString()).with("endsAt", endsAt.toString()));
        return get(id);
    }

    public FlashSale get(long id) {
        return jdbc.sql("select * from flash_sales where id = ?").param(id).query(this::view).optional()
                .orElseThrow(() -> new NotFound("flash sale", id));
    }

    /** A session's flash sales, newest first. */
    public List<FlashSale> of(long liveSessionId) {
        sessions.row(liveSessionId);
        return jdbc.sql("select * from flash_sales where live_session_id = ? order by created_at desc, id desc").param(liveSessionId)
                .query(this::view).list();
    }

    /** Ends a sale before its time; the session's creator or an operator only. Ending an ended sale answers it. */
    public FlashSale end(long id, Caller caller) {
        FlashSale sale = get(id);
        sessions.managed(sale.liveSessionId(), caller);
        end(id, "ENDED_EARLY");
        return get(id);
    }

    /**
     * Claims units of the running sale of a shelf item's SKU in a session for an order being priced; empty when no
     * sale of it is running there (the countdown has not run out, or it ended).
     *
     * @throws SoldOut        fewer units are left
     * @throws LimitExceeded  the buyer would hold more than the per-buyer limit
     */
    public Optional<Claim> claim(long liveSessionId, long shelfItemId, long skuId, long orderId, long buyerId, int units) {
        Instant now = clock.instant();
        for (FlashSaleGate gate : open.values()) {
            if (gate.liveSessionId == liveSessionId && gate.shelfItemId == shelfItemId && gate.skuId == skuId && gate.running(now)) {
                gate.claim(orderId, buyerId, units);
                return Optional.of(new Claim(gate.id, gate.allotmentId, gate.price, gate.creatorId));
            }
        }
        return Optional.empty();
    }

    /** Gives back what an order claimed (the order was not placed after all). */
    public void unclaim(long orderId) {
        open.values().forEach(gate -> gate.release(orderId));
    }

    /**
     * An unpaid order was cancelled (by its buyer, or not paid in time): inventory gave its units back to the
     * allotment, so the gate takes them back too. A paid order cancelled later went back to stock, not to the sale
     * (its refund is above zero), and changes nothing here.
     */
    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        if (cancelled.attribution().liveSessionId() != null && cancelled.refunded() == 0) {
            unclaim(cancelled.orderId());
        }
    }

    /**
     * Counts open sales again before the application takes requests or runs its schedules: what is left comes from
     * the allotment (its quantity less what orders carved), who holds what from the orders standing.
     */
    @Override
    public void afterSingletonsInstantiated() {
        jdbc.sql("select * from flash_sales where ended_at is null").query((rs, n) -> gate(rs)).list().forEach(gate -> {
            orders.getObject().claimsOn(gate.allotmentId).forEach(c -> gate.recount(c.orderId(), c.buyerId(), c.quantity()));
            gate.recountRemaining(inventory.reservation(gate.allotmentId).uncarved());
            open.put(gate.id, gate);
        });
    }

    /**
     * Tells rooms what changed and ends sales whose time is up or whose session is no longer on air (ended, or
     * cancelled); also ends an overdue sale this node does not count. Each sale on its own: one that fails is tried
     * again next round. Tests call it after moving the clock.
     */
    @Scheduled(fixedDelay = 250)
    public void tick() {
        Instant now = clock.instant();
        for (FlashSaleGate gate : open.values()) {
            try {
                if (!now.isBefore(gate.endsAt)) {
                    end(gate.id, "TIME_UP");
                } else if (!sessions.row(gate.liveSessionId).status().onAir()) {
                    end(gate.id, "SESSION_ENDED");
                } else {
                    announce(gate, now);
                }
            } catch (RuntimeException e) {
                log.error("Flash sale {} could not be announced or ended this round; the next round tries again", gate.id, e);
            }
        }
        jdbc.sql("select id from flash_sales where ended_at is null and ends_at <= ?").param(Timestamp.from(now)).query(Long.class).list()
                .stream().filter(id -> !open.containsKey(id)).forEach(id -> {
                    try {
                        end(id, "TIME_UP");
                    } catch (RuntimeException e) {
                        log.error("Overdue flash sale {} could not be ended this round", id, e);
                    }
                });
    }

    private void announce(FlashSaleGate gate, Instant now) {
        if (!gate.running(now)) {
            return;
        }
        int remaining = gate.remaining();
        if (!gate.announcedStart) {
            gate.announcedStart = true;
            hub.broadcast(gate.liveSessionId, frame(gate, "started").with("remaining", remaining).with("endsAt", gate.endsAt.toString()));
            remember(gate, remaining, now);
        } else if (remaining == 0 && !gate.announcedSoldOut) {
            gate.announcedSoldOut = true;
            hub.broadcast(gate.liveSessionId, frame(gate, "sold-out").with("remaining", 0));
            remember(gate, remaining, now);
        } else if (remaining != gate.announcedRemaining && !now.isBefore(gate.announcedAt.plus(REMAINING_EVERY))) {
            gate.announcedSoldOut = remaining == 0;
            hub.broadcast(gate.liveSessionId, frame(gate, remaining == 0 ? "sold-out" : "remaining").with("remaining", remaining));
            remember(gate, remaining, now);
        }
    }

    private static void remember(FlashSaleGate gate, int remaining, Instant now) {
        gate.announcedRemaining = remaining;
        gate.announcedAt = now;
    }

    /**
     * Closes a sale in a transaction of its own: no more claims, the unsold units back to stock, the room told. The
     * gate stops claims first and forgets the sale only once the close is stored; if storing fails, the gate opens
     * again and a later round retries. Ending twice changes nothing.
     */
    private void end(long id, String reason) {
        FlashSaleGate gate = open.get(id);
        boolean closedHere = gate != null && gate.close();
        Integer sold;
        try {
            sold = ownTransaction.execute(status -> closeStored(id, reason));
        } catch (RuntimeException e) {
            if (closedHere) {
                gate.reopen();
            }
            throw e;
        }
        open.remove(id);
        if (sold != null) {
            FlashSale sale = get(id);
            hub.broadcast(sale.liveSessionId(), Frame.of("flash-sale").with("phase", "ended").with("id", Long.toString(id))
                    .with("sold", sold).with("reason", reason));
            shelf.stockChanged(sale.liveSessionId()); // the unsold units are on sale again
        }
    }

    /** Stores the end of a sale and closes its allotment; answers the units sold, or null when it had ended already. */
    private @Nullable Integer closeStored(long id, String reason) {
        FlashSaleRow row = jdbc.sql("select * from flash_sales where id = ? for update").param(id).query(FlashSales::row).single();
        if (row.endedAt() != null) {
            return null;
        }
        long returned = inventory.close(row.allotmentId());
        int units = (int) (row.quantity() - returned);
        jdbc.sql("update flash_sales set ended_at = ?, end_reason = ?, sold = ?, open_key = null where id = ?")
                .params(Timestamp.from(clock.instant()), reason, units, id).update();
        return units;
    }

    private static Frame frame(FlashSaleGate gate, String phase) {
        return Frame.of("flash-sale").with("phase", phase).with("id", Long.toString(gate.id));
    }

    private SkuForSale sku(long skuId) {
        try {
            return products.sku(skuId);
        } catch (NotFound e) {
            throw ValidationFailed.unprocessable("skuId", "no such SKU");
        }
    }

    private record FlashSaleRow(long allotmentId, int quantity, @Nullable OffsetDateTime endedAt) {
    }

    private static FlashSaleRow row(ResultSet rs, int n) throws SQLException {
        return new FlashSaleRow(rs.getLong("allotment_id"), rs.getInt("quantity"), rs.getObject("ended_at", OffsetDateTime.class));
    }

    private FlashSaleGate gate(ResultSet rs) throws SQLException {
        return new FlashSaleGate(rs.getLong("id"), rs.getLong("live_session_id"), rs.getLong("creator_id"), rs.getLong("shelf_item_id"),
                rs.getLong("sku_id"), rs.getLong("price"), rs.getLong("allotment_id"), rs.getInt("quantity"), rs.getInt("per_buyer_limit"),
                instant(rs, "starts_at"), instant(rs, "ends_at"));
    }

    private FlashSale view(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Instant startsAt = instant(rs, "starts_at");
        Instant endsAt = instant(rs, "ends_at");
        OffsetDateTime endedAt = rs.getObject("ended_at", OffsetDateTime.class);
        FlashSaleGate gate = open.get(id);
        Instant now = clock.instant();
        FlashSaleStatus status = endedAt != null || !now.isBefore(endsAt) ? FlashSaleStatus.ENDED
                : now.isBefore(startsAt) ? FlashSaleStatus.SCHEDULED : FlashSaleStatus.RUNNING;
        int sold = rs.getInt("sold");
        Integer soldOrNull = rs.wasNull() ? null : sold;
        return new FlashSale(id, rs.getLong("live_session_id"), rs.getLong("shelf_item_id"), rs.getLong("product_id"),
                rs.getLong("sku_id"), rs.getLong("price"), rs.getLong("usual_price"), rs.getInt("quantity"), rs.getInt("per_buyer_limit"),
                status == FlashSaleStatus.ENDED || gate == null ? 0 : gate.remaining(), soldOrNull, status, startsAt, endsAt,
                endedAt == null ? null : endedAt.toInstant(), rs.getString("end_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }
}
