package io.laotie.order;

import io.laotie.platform.Ids;
import io.laotie.platform.NotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The order module's rows and the statements that move them. Every state change is a guarded update
 * ({@code ... where id = ? and status = ?}) that changes nothing when another request got there first, so racing
 * requests and a scheduler tick can never apply one transition twice.
 */
@Component
class OrderBook {

    record OrderRow(long id, long buyerId, long shopId, long merchantId, OrderStatus status, long itemsTotal,
                    long shippingFee, long total, long refunded, String currency, String recipient, String phone,
                    String region, String addressDetail, @Nullable Long creatorId, @Nullable Long liveSessionId,
                    @Nullable String carrier, @Nullable String trackingNumber, @Nullable Actor cancelledBy,
                    @Nullable CancelReason cancelReason, Instant placedAt, @Nullable Instant deliveredAt,
                    @Nullable Instant dueAt) {

        Attribution attribution() {
            return new Attribution(buyerId, shopId, merchantId, creatorId, liveSessionId);
        }

        long refundable() {
            return total - refunded;
        }
    }

    record RefundRow(long id, long orderId, long buyerId, long merchantId, RefundKind kind, RefundStage stage, long amount,
                     RefundReason reason, String text, List<String> photoUrls, RefundStatus status,
                     @Nullable String merchantReason, @Nullable String returnCarrier, @Nullable String returnTracking,
                     @Nullable Ruling ruling, long refunded, Instant createdAt, @Nullable Instant dueAt,
                     AfterSalesCover cover, long advanced, long returnShippingPaid, long compensated, long recovered) {

        RefundView view() {
            return new RefundView(id, orderId, kind, stage, amount, refunded, reason, text, photoUrls, status, merchantReason,
                    returnCarrier, returnTracking, ruling, dueAt, createdAt, cover, advanced, returnShippingPaid, compensated, recovered);
        }
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Clock clock;

    OrderBook(JdbcClient jdbc, Ids ids, Clock clock) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.clock = clock;
    }

    /** Column values for {@link #move}: pairs of name and value, values may be null. */
    static Map<String, @Nullable Object> set(@Nullable Object... pairs) {
        Map<String, @Nullable Object> columns = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            columns.put((String) pairs[i], pairs[i + 1]);
        }
        return columns;
    }

    boolean hasOpenRefund(long orderId) {
        return jdbc.sql("select count(*) from refund_requests where order_id = ? and status in ('REQUESTED', 'AWAITING_RETURN', 'RETURN_SHIPPED', 'ESCALATED')")
                .param(orderId).query(Long.class).single() > 0;
    }

    /**
     * What the platform advanced on the order's requests that are not open (rejected, closed, or refunded for less
     * than the advance) and escrow never repaid: the buyer holds that money already, so it is not refundable again.
     */
    long unrepaidAdvances(long orderId) {
        return jdbc.sql("""
                        select coalesce(sum(advanced - refunded), 0) from refund_requests
                         where order_id = ? and advanced > refunded and status in ('REJECTED', 'CLOSED', 'REFUNDED')""")
                .param(orderId).query(Long.class).single();
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    long nextId() {
        return ids.next();
    }

    Instant now() {
        return clock.instant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static @Nullable OffsetDateTime utcOrNull(@Nullable Instant instant) {
        return instant == null ? null : utc(instant);
    }

    Optional<OrderRow> find(long orderId) {
        return jdbc.sql("select * from orders where id = ?").param(orderId).query(OrderBook::order).optional();
    }

    OrderRow get(long orderId) {
        return find(orderId).orElseThrow(() -> new NotFound("Order", orderId));
    }

    /** Locks the order row for the rest of the transaction, so after-sales decisions on one order happen one at a time. */
    OrderRow lock(long orderId) {
        return jdbc.sql("select * from orders where id = ? for update").param(orderId).query(OrderBook::order).optional()
                .orElseThrow(() -> new NotFound("Order", orderId));
    }

    /**
     * Moves an order from one of {@code from} to {@code to}, setting the given columns too; answers whether this call
     * made the move (false when the order was no longer in any of {@code from}).
     */
    boolean move(long orderId, List<OrderStatus> from, OrderStatus to, Map<String, @Nullable Object> columns) {
        return guardedMove("orders", orderId, from.stream().map(Enum::name).toList(), to.name(), columns);
    }

    private boolean guardedMove(String table, long id, List<String> from, String to, Map<String, @Nullable Object> columns) {
        StringBuilder sql = new StringBuilder("update ").append(table).append(" set status = ?");
        List<@Nullable Object> params = new java.util.ArrayList<>();
        params.add(to);
        columns.forEach((column, value) -> {
            sql.append(", ").append(column).append(" = ?");
            params.add(value);
        });
        sql.append(" where id = ? and status in (").append(String.join(", ", java.util.Collections.nCopies(from.size(), "?"))).append(")");
        params.add(id);
        params.addAll(from);
        return jdbc.sql(sql.toString()).params(params).update() == 1;
    }

    long reservationOf(long lineId) {
        return jdbc.sql("select reservation_id from order_lines where id = ?").param(lineId).query(Long.class).single();
    }

    List<OrderView.Line> lines(long orderId) {
        return jdbc.sql("select * from order_lines where order_id = ? order by id").param(orderId)
                .query((rs, n) -> new OrderView.Line(rs.getLong("id"), rs.getLong("sku_id"), rs.getLong("product_id"),
                        rs.getString("title"), rs.getString("sku_name"), rs.getInt("quantity"), rs.getLong("unit_price"),
                        rs.getLong("list_price"), rs.getInt("returned")))
                .list();
    }

    List<OrderPlaced.Line> placedLines(long orderId) {
        return jdbc.sql("select * from order_lines where order_id = ? order by id").param(orderId)
                .query((rs, n) -> new OrderPlaced.Line(rs.getLong("id"), rs.getLong("sku_id"), rs.getLong("product_id"),
                        rs.getString("title"), rs.getInt("quantity"), rs.getLong("unit_price"),
                        rs.getObject("shelf_item_id", Long.class)))
                .list();
    }

    List<Long> reservations(long orderId) {
        return jdbc.sql("select reservation_id from order_lines where order_id = ? order by id").param(orderId).query(Long.class).list();
    }

    void timeline(long orderId, @Nullable Long refundId, String status, Actor actor, @Nullable Long actorId, @Nullable String note) {
        jdbc.sql("insert into order_timeline (id, order_id, refund_id, status, actor, actor_id, note, at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(ids.next(), orderId, refundId, status, actor.name(), actorId,
                        note == null || note.length() <= 500 ? note : note.substring(0, 500), utc(now()))
                .update();
    }

    List<OrderView.TimelineEntry> timeline(long orderId) {
        return jdbc.sql("select * from order_timeline where order_id = ? order by id").param(orderId)
                .query((rs, n) -> new OrderView.TimelineEntry(rs.getString("status"), Actor.valueOf(rs.getString("actor")),
                        nullableLong(rs, "actor_id"), nullableLong(rs, "refund_id"), rs.getString("note"), instant(rs, "at")))
                .list();
    }

    Optional<RefundRow> findRefund(long refundId) {
        return jdbc.sql("select * from refund_requests where id = ?").param(refundId).query(OrderBook::refund).optional();
    }

    List<RefundRow> refunds(long orderId) {
        return jdbc.sql("select * from refund_requests where order_id = ? order by id").param(orderId).query(OrderBook::refund).list();
    }

    /** Moves a request from one of {@code from} to {@code to}; answers whether this call made the move. */
    boolean moveRefund(long refundId, List<RefundStatus> from, RefundStatus to, Map<String, @Nullable Object> columns) {
        return guardedMove("refund_requests", refundId, from.stream().map(Enum::name).toList(), to.name(), columns);
    }

    private static OrderRow order(ResultSet rs, int n) throws SQLException {
        String cancelledBy = rs.getString("cancelled_by");
        String cancelReason = rs.getString("cancel_reason");
        return new OrderRow(rs.getLong("id"), rs.getLong("buyer_id"), rs.getLong("shop_id"), rs.getLong("merchant_id"),
                OrderStatus.valueOf(rs.getString("status")), rs.getLong("items_total"), rs.getLong("shipping_fee"),
                rs.getLong("total"), rs.getLong("refunded"), rs.getString("currency"), rs.getString("recipient"),
                rs.getString("phone"), rs.getString("region"), rs.getString("address_detail"),
                nullableLong(rs, "creator_id"), nullableLong(rs, "live_session_id"), rs.getString("carrier"),
                rs.getString("tracking_number"), cancelledBy == null ? null : Actor.valueOf(cancelledBy),
                cancelReason == null ? null : CancelReason.valueOf(cancelReason), instant(rs, "placed_at"),
                nullableInstant(rs, "delivered_at"), nullableInstant(rs, "due_at"));
    }

    private static RefundRow refund(ResultSet rs, int n) throws SQLException {
        String photos = rs.getString("photo_urls");
        String outcome = rs.getString("ruling_outcome");
        Ruling ruling = outcome == null ? null : new Ruling(Ruling.Outcome.valueOf(outcome), nullableLong(rs, "ruling_amount"),
                Ruling.Fault.valueOf(rs.getString("ruling_fault")), rs.getBoolean("ruling_counterfeit"));
        return new RefundRow(rs.getLong("id"), rs.getLong("order_id"), rs.getLong("buyer_id"), rs.getLong("merchant_id"),
                RefundKind.valueOf(rs.getString("kind")), RefundStage.valueOf(rs.getString("stage")), rs.getLong("amount"),
                RefundReason.valueOf(rs.getString("reason")), rs.getString("text"),
                photos == null || photos.isEmpty() ? List.of() : Arrays.asList(photos.split("\n")),
                RefundStatus.valueOf(rs.getString("status")), rs.getString("merchant_reason"), rs.getString("return_carrier"),
                rs.getString("return_tracking"), ruling, rs.getLong("refunded"), instant(rs, "created_at"), nullableInstant(rs, "due_at"),
                new AfterSalesCover(rs.getBoolean("cover_advance"), rs.getLong("cover_return_shipping"),
                        rs.getInt("cover_counterfeit_multiple"), rs.getBoolean("cover_recover")),
                rs.getLong("advanced"), rs.getLong("return_shipping_paid"), rs.getLong("compensated"), rs.getLong("recovered"));
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
