package io.laotie.order;

import io.laotie.identity.Address;
import io.laotie.inventory.Inventory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.laotie.order.OrderBook.utc;

/**
 * Stores placed orders: their rows, their lines' stock (reserved from the SKU, or carved from an allotment with one
 * guarded update per allotment for the whole list), the first timeline entry and {@link OrderPlaced}. Runs inside the
 * caller's transaction, so a list is stored whole or not at all, and answers each order as stored without reading it
 * back.
 */
@Component
class PlacementWriter {

    private final OrderBook book;
    private final JdbcTemplate jdbc;
    private final Inventory inventory;
    private final ApplicationEventPublisher events;

    PlacementWriter(OrderBook book, JdbcTemplate jdbc, Inventory inventory, ApplicationEventPublisher events) {
        this.book = book;
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.events = events;
    }

    List<OrderView> write(List<Placement> placements) {
        List<Object[]> orders = new ArrayList<>();
        for (Placement p : placements) {
            Address a = p.address();
            orders.add(new Object[]{p.orderId(), p.buyerId(), p.shopId(), p.merchantId(), p.itemsTotal(), p.shippingFee(), p.total(),
                    a.recipient(), a.phone(), a.region(), a.detail(), p.creatorId(), p.liveSessionId(), p.client().ip(),
                    p.client().userAgent(), utc(p.placedAt()), utc(p.dueAt())});
        }
        jdbc.batchUpdate("""
                insert into orders (id, buyer_id, shop_id, merchant_id, status, items_total, shipping_fee, total, refunded, currency,
                                    recipient, phone, region, address_detail, creator_id, live_session_id, client_ip, user_agent,
                                    placed_at, due_at)
                values (?, ?, ?, ?, 'PENDING_PAYMENT', ?, ?, ?, 0, 'CNY', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", orders);

        Map<Long, Long> reservations = reserve(placements);
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> timeline = new ArrayList<>();
        for (Placement p : placements) {
            for (Placement.Line line : p.lines()) {
                lines.add(new Object[]{line.lineId(), p.orderId(), line.sku().skuId(), line.sku().productId(), line.sku().productTitle(),
                        line.sku().skuName(), line.quantity(), line.unitPrice(), line.sku().price(), reservations.get(line.lineId()),
                        line.shelfItemId(), line.drawnFrom()});
            }
            timeline.add(new Object[]{book.nextId(), p.orderId(), OrderStatus.PENDING_PAYMENT.name(), Actor.BUYER.name(), p.buyerId(),
                    utc(p.placedAt())});
        }
        jdbc.batchUpdate("""
                insert into order_lines (id, order_id, sku_id, product_id, title, sku_name, quantity, unit_price, list_price,
                                         reservation_id, shelf_item_id, drawn_from)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines);
        jdbc.batchUpdate("insert into order_timeline (id, order_id, status, actor, actor_id, at) values (?, ?, ?, ?, ?, ?)", timeline);

        List<OrderView> views = new ArrayList<>(placements.size());
        for (Placement p : placements) {
            events.publishEvent(new OrderPlaced(p.orderId(), p.attribution(), placedLines(p), p.total(), p.placedAt()));
            views.add(view(p));
        }
        return views;
    }

    /** Holds every line's units; answers the reservation of each line id. */
    private Map<Long, Long> reserve(List<Placement> placements) {
        Map<Long, Long> reservations = new HashMap<>();
        Map<Long, List<Placement.Line>> byAllotment = new TreeMap<>(); // rows locked in id order, so writers never deadlock
        Map<Long, Long> orderOfLine = new HashMap<>();
        for (Placement p : placements) {
            List<Placement.Line> bySku = p.lines().stream().sorted(Comparator.comparingLong(line -> line.sku().skuId())).toList();
            for (Placement.Line line : bySku) {
                if (line.drawnFrom() == null) {
                    reservations.put(line.lineId(), inventory.reserve(line.sku().skuId(), line.quantity(), "order:" + p.orderId()).id());
                } else {
                    byAllotment.computeIfAbsent(line.drawnFrom(), a -> new ArrayList<>()).add(line);
                    orderOfLine.put(line.lineId(), p.orderId());
                }
            }
        }
        byAllotment.forEach((allotment, drawn) -> {
            List<Long> carved = inventory.carve(allotment, drawn.stream()
                    .map(line -> new Inventory.Draw(line.quantity(), "order:" + orderOfLine.get(line.lineId()))).toList());
            for (int i = 0; i < drawn.size(); i++) {
                reservations.put(drawn.get(i).lineId(), carved.get(i));
            }
        });
        return reservations;
    }

    private static List<OrderPlaced.Line> placedLines(Placement p) {
        return p.lines().stream().map(line -> new OrderPlaced.Line(line.lineId(), line.sku().skuId(), line.sku().productId(),
                line.sku().productTitle(), line.quantity(), line.unitPrice(), line.shelfItemId())).toList();
    }

    private static OrderView view(Placement p) {
        Address a = p.address();
        List<OrderView.Line> lines = p.lines().stream().map(line -> new OrderView.Line(line.lineId(), line.sku().skuId(),
                line.sku().productId(), line.sku().productTitle(), line.sku().skuName(), line.quantity(), line.unitPrice(),
                line.sku().price(), 0)).toList();
        @Nullable Long none = null;
        return new OrderView(p.orderId(), OrderStatus.PENDING_PAYMENT, p.buyerId(), p.shopId(), p.merchantId(), p.itemsTotal(),
                p.shippingFee(), p.total(), 0, "CNY", new OrderView.Address(a.recipient(), a.phone(), a.region(), a.detail()),
                p.creatorId(), p.liveSessionId(), null, null, null, null, p.dueAt(), p.placedAt(), lines,
                List.of(new OrderView.TimelineEntry(OrderStatus.PENDING_PAYMENT.name(), Actor.BUYER, p.buyerId(), none, null, p.placedAt())),
                List.of());
    }
}
