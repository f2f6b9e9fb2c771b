package io.laotie.order;

import io.laotie.catalog.ProductStatus;
import io.laotie.catalog.Products;
import io.laotie.catalog.SkuForSale;
import io.laotie.identity.Address;
import io.laotie.identity.AddressBook;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.inventory.Inventory;
import io.laotie.ledger.Ledger;
import io.laotie.order.OrderBook.OrderRow;
import io.laotie.order.internal.OrderProperties;
import io.laotie.platform.Forbidden;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.laotie.order.OrderBook.set;
import static io.laotie.order.OrderBook.utc;

/**
 * Orders from checkout to completion. Every transition is guarded by the state it starts from, recorded on the
 * order's timeline with who made it, and announced by an event; stock moves through {@link Inventory} and money
 * through {@link Ledger} in the same transaction as the transition, so an acknowledged change is never half-done.
 */
@Service
public class Orders {

    /** How a caller relates to an order; decides what they may see and do. */
    enum Party { BUYER, MERCHANT, OPERATOR }

    private final OrderBook book;
    private final Products products;
    private final AddressBook addresses;
    private final Inventory inventory;
    private final Ledger ledger;
    private final List<PricingStep> pricingSteps;
    private final OrderProperties properties;
    private final ApplicationEventPublisher events;
    private final PlacementWriter writer;
    private final GroupCommit groupCommit;
    private final TransactionTemplate tx;

    Orders(OrderBook book, Products products, AddressBook addresses, Inventory inventory, Ledger ledger,
           List<PricingStep> pricingSteps, OrderProperties properties, ApplicationEventPublisher events,
           PlacementWriter writer, GroupCommit groupCommit, TransactionTemplate tx) {
        this.book = book;
        this.products = products;
        this.addresses = addresses;
        this.inventory = inventory;
        this.ledger = ledger;
        this.pricingSteps = pricingSteps;
        this.properties = properties;
        this.events = events;
        this.writer = writer;
        this.groupCommit = groupCommit;
        this.tx = tx;
    }

    /**
     * Places an order: checks the lines (one shop, goods on sale, no SKU twice), copies the address, prices the lines
     * through every {@link PricingStep}, and reserves stock. Nothing is kept when any of it fails. An order whose
     * every line is carved from an allotment (a flash sale) is stored by {@link GroupCommit} together with others
     * placed at the same moment, unless the caller already runs a transaction of its own.
     */
    public OrderView place(Caller buyer, NewOrder request, ClientInfo client) {
        Placement placement = prepare(buyer, request, client);
        try {
            if (!TransactionSynchronizationManager.isActualTransactionActive()) {
                return placement.drawsOnly() ? groupCommit.place(placement) : tx.execute(status -> writer.write(List.of(placement)).getFirst());
            }
            // the caller's transaction (an Idempotency-Key's, say) decides: what pricing took is given back if it rolls back
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        placement.pricing().abandon();
                    }
                }
            });
            return writer.write(List.of(placement)).getFirst();
        } catch (RuntimeException e) {
            placement.pricing().abandon();
            throw e;
        }
    }

    /** Checks and prices an order, without writing anything. */
    private Placement prepare(Caller buyer, NewOrder request, ClientInfo client) {
        List<SkuForSale> skus = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < request.lines().size(); i++) {
            NewOrder.Line line = request.lines().get(i);
            if (!seen.add(line.skuId())) {
                throw ValidationFailed.of("lines[" + i + "].skuId", "the same SKU appears twice; order a larger quantity instead");
            }
            SkuForSale sku;
            try {
                sku = products.sku(line.skuId());
            } catch (NotFound e) {
                throw ValidationFailed.unprocessable("lines[" + i + "].skuId", "no such SKU");
            }
            if (sku.status() != ProductStatus.ACTIVE) {
                throw ValidationFailed.unprocessable("lines[" + i + "].skuId", "this product is not on sale");
            }
            if (!skus.isEmpty() && skus.getFirst().shopId() != sku.shopId()) {
                throw ValidationFailed.unprocessable("lines[" + i + "].skuId",
                        "an order holds goods of one shop; place one order per shop");
            }
            skus.add(sku);
        }
        Address address = address(buyer.accountId(), request.addressId());

        List<PricingStep.PricedLine> priced = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            SkuForSale sku = skus.get(i);
            NewOrder.Line line = request.lines().get(i);
            priced.add(new PricingStep.PricedLine(sku.skuId(), sku.productId(), line.quantity(), sku.price(), line.shelfItemId()));
        }
        PricingStep.Pricing pricing = new PricingStep.Pricing(book.nextId(), buyer.accountId(), request.liveSessionId(), priced);
        try {
            pricingSteps.forEach(step -> step.price(pricing));
            if (request.liveSessionId() != null && pricing.liveSessionId() == null) {
                throw ValidationFailed.unprocessable("liveSessionId", "no such live session is selling these goods");
            }
            for (int i = 0; i < priced.size(); i++) {
                if (request.lines().get(i).shelfItemId() != null && priced.get(i).shelfItemId() == null) {
                    throw ValidationFailed.unprocessable("lines[" + i + "].shelfItemId",
                            "this shelf item is not selling this SKU in the named live session");
                }
            }
        } catch (RuntimeException e) {
            pricing.abandon();
            throw e;
        }

        List<Placement.Line> lines = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            PricingStep.PricedLine line = priced.get(i);
            lines.add(new Placement.Line(book.nextId(), skus.get(i), line.quantity(), line.unitPrice(), line.shelfItemId(), line.drawnFrom()));
        }
        long itemsTotal = priced.stream().mapToLong(l -> l.unitPrice() * l.quantity()).sum();
        long shippingFee = skus.stream().mapToLong(SkuForSale::shippingFee).max().orElse(0);
        SkuForSale first = skus.getFirst();
        Instant now = book.now().truncatedTo(ChronoUnit.MICROS); // as the database keeps it, so the answer matches a later read
        Duration paymentTime = pricing.paymentTime() == null ? properties.paymentTimeout() : pricing.paymentTime();
        return new Placement(pricing.orderId(), buyer.accountId(), first.shopId(), first.shopOwnerId(), itemsTotal, shippingFee, address,
                pricing.creatorId(), pricing.liveSessionId(), client, now, now.plus(paymentTime), lines, pricing);
    }

    /**
     * Pays an order from the buyer's wallet into escrow and takes the reserved units out of stock. Paying an order
     * that is already paid changes nothing and answers it, so a retried or doubled payment charges once.
     */
    @Transactional
    public OrderView pay(long orderId, Caller caller) {
        OrderRow row = book.get(orderId);
        requireParty(row, caller, Party.BUYER);
        if (row.status() != OrderStatus.PENDING_PAYMENT) {
            if (row.status() == OrderStatus.CANCELLED) {
                throw new IllegalTransition("Order " + orderId + " was cancelled and can no longer be paid");
            }
            return view(row);
        }
        Instant now = book.now();
        if (row.dueAt() != null && !now.isBefore(row.dueAt())) {
            throw new IllegalTransition("The payment deadline of order " + orderId + " has passed");
        }
        if (!book.move(orderId, List.of(OrderStatus.PENDING_PAYMENT), OrderStatus.PAID, set("paid_at", utc(now), "due_at", null))) {
            return pay(orderId, caller); // someone else moved it meanwhile: answer as of now
        }
        ledger.payOrder(orderId, row.buyerId(), row.total());
        book.reservations(orderId).forEach(inventory::confirm);
        book.timeline(orderId, null, OrderStatus.PAID.name(), Actor.BUYER, caller.accountId(), null);
        events.publishEvent(new OrderPaid(orderId, row.attribution(), book.placedLines(orderId), row.total(), now));
        return view(orderId, caller);
    }

    /**
     * Cancels an order. The buyer may cancel before paying; the merchant cancels for being out of stock (before
     * shipment; a paid order is refunded in full); an operator may cancel any order not yet shipped.
     */
    @Transactional
    public OrderView cancel(long orderId, Caller caller, @Nullable String note) {
        OrderRow row = book.get(orderId);
        Party party = partyOf(row, caller);
        return switch (party) {
            case BUYER -> {
                if (row.status() != OrderStatus.PENDING_PAYMENT) {
                    throw new IllegalTransition("A paid order is not cancelled but refunded: ask for a refund instead");
                }
                cancelled(row, Actor.BUYER, caller.accountId(), CancelReason.BUYER_CHANGED_MIND, note);
                yield view(orderId, caller);
            }
            case MERCHANT -> {
                cancelled(row, Actor.MERCHANT, caller.accountId(), CancelReason.OUT_OF_STOCK, note);
                yield view(orderId, caller);
            }
            case OPERATOR -> {
                cancelled(row, Actor.OPERATOR, caller.accountId(), CancelReason.OPERATOR, note);
                yield view(orderId, caller);
            }
        };
    }

    private void cancelled(OrderRow row, Actor by, @Nullable Long actorId, CancelReason reason, @Nullable String note) {
        if (row.status() != OrderStatus.PENDING_PAYMENT && row.status() != OrderStatus.PAID) {
            throw new IllegalTransition("Order " + row.id() + " is " + row.status() + " and can no longer be cancelled");
        }
        Instant now = book.now();
        boolean paid = row.status() == OrderStatus.PAID;
        if (paid && book.hasOpenRefund(row.id())) {
            throw new IllegalTransition("Order " + row.id() + " has an open after-sales request");
        }
        long refund = paid ? row.refundable() : 0;
        if (!book.move(row.id(), List.of(row.status()), OrderStatus.CANCELLED, set("cancelled_by", by.name(),
                "cancel_reason", reason.name(), "cancel_note", note, "closed_at", utc(now), "due_at", null,
                "refunded", row.refunded() + refund))) {
            throw new IllegalTransition("Order " + row.id() + " changed meanwhile; look again");
        }
        if (paid) {
            if (refund > 0) {
                ledger.refundOrder(row.id(), row.id(), row.buyerId(), refund);
            }
            book.lines(row.id()).forEach(line -> inventory.returnToStock(book.reservationOf(line.id()), line.quantity()));
        } else {
            book.reservations(row.id()).forEach(inventory::release);
        }
        book.timeline(row.id(), null, OrderStatus.CANCELLED.name(), by, actorId, reason.name() + (note == null ? "" : ": " + note));
        events.publishEvent(new OrderCancelled(row.id(), row.attribution(), by, reason, refund, now));
    }

    /** The merchant ships a paid order with the carrier and tracking number. */
    @Transactional
    public OrderView ship(long orderId, Caller caller, String carrier, String trackingNumber) {
        OrderRow row = book.get(orderId);
        requireParty(row, caller, Party.MERCHANT);
        if (book.hasOpenRefund(orderId)) {
            throw new IllegalTransition("Order " + orderId + " has an open after-sales request");
        }
        Instant now = book.now();
        if (!book.move(orderId, List.of(OrderStatus.PAID), OrderStatus.SHIPPED, set("carrier", carrier.strip(),
                "tracking_number", trackingNumber.strip(), "shipped_at", utc(now), "due_at", utc(now.plus(properties.autoReceiptAfter()))))) {
            throw new IllegalTransition("Order " + orderId + " is " + book.get(orderId).status() + "; only a paid order can be shipped");
        }
        book.timeline(orderId, null, OrderStatus.SHIPPED.name(), Actor.MERCHANT, caller.accountId(), carrier.strip() + " " + trackingNumber.strip());
        events.publishEvent(new OrderShipped(orderId, row.attribution(), carrier.strip(), trackingNumber.strip(), now));
        return view(orderId, caller);
    }

    /** The buyer confirms receipt of a shipped order (确认收货). */
    @Transactional
    public OrderView confirmReceipt(long orderId, Caller caller) {
        OrderRow row = book.get(orderId);
        requireParty(row, caller, Party.BUYER);
        if (!deliver(row, Actor.BUYER, caller.accountId())) {
            throw new IllegalTransition("Order " + orderId + " is " + book.get(orderId).status() + "; only a shipped order can be received");
        }
        return view(orderId, caller);
    }

    boolean deliver(OrderRow row, Actor by, @Nullable Long actorId) {
        Instant now = book.now();
        if (!book.move(row.id(), List.of(OrderStatus.SHIPPED), OrderStatus.DELIVERED,
                set("delivered_at", utc(now), "due_at", utc(now.plus(properties.afterSalesWindow()))))) {
            return false;
        }
        book.timeline(row.id(), null, OrderStatus.DELIVERED.name(), by, actorId, by == Actor.SYSTEM ? "received automatically" : null);
        events.publishEvent(new OrderDelivered(row.id(), row.attribution(), by == Actor.SYSTEM, now));
        return true;
    }

    /** Completes a delivered order whose after-sales window has passed with nothing open, and settles it. */
    boolean complete(OrderRow row) {
        if (book.hasOpenRefund(row.id())) {
            book.jdbc().sql("update orders set due_at = null where id = ? and status = 'DELIVERED'").param(row.id()).update();
            return false; // the request's end sets the completion due again
        }
        Instant now = book.now();
        if (!book.move(row.id(), List.of(OrderStatus.DELIVERED), OrderStatus.COMPLETED, set("completed_at", utc(now), "due_at", null))) {
            return false;
        }
        long net = row.total() - row.refunded();
        if (net > 0) {
            ledger.settleOrder(row.id(), row.merchantId(), net);
        }
        book.timeline(row.id(), null, OrderStatus.COMPLETED.name(), Actor.SYSTEM, null, null);
        events.publishEvent(new OrderCompleted(row.id(), row.attribution(), row.total(), row.refunded(), now));
        return true;
    }

    /** Cancels an order nobody paid in time. */
    boolean expire(OrderRow row) {
        if (row.status() != OrderStatus.PENDING_PAYMENT) {
            return false;
        }
        Instant now = book.now();
        if (!book.move(row.id(), List.of(OrderStatus.PENDING_PAYMENT), OrderStatus.CANCELLED, set("cancelled_by", Actor.SYSTEM.name(),
                "cancel_reason", CancelReason.PAYMENT_TIMEOUT.name(), "closed_at", utc(now), "due_at", null))) {
            return false;
        }
        book.reservations(row.id()).forEach(inventory::release);
        book.timeline(row.id(), null, OrderStatus.CANCELLED.name(), Actor.SYSTEM, null, CancelReason.PAYMENT_TIMEOUT.name());
        events.publishEvent(new OrderCancelled(row.id(), row.attribution(), Actor.SYSTEM, CancelReason.PAYMENT_TIMEOUT, 0, now));
        return true;
    }

    /** The order as the caller may see it: its buyer, its merchant, or an operator; anyone else gets 404. */
    public OrderView view(long orderId, Caller caller) {
        OrderRow row = book.get(orderId);
        partyOf(row, caller);
        return view(row);
    }

    /** Units an order holds of an allotment (a flash sale's). */
    public record Claim(long orderId, long buyerId, int quantity) {
    }

    /** Who holds units of an allotment through orders not cancelled: how a flash sale recounts itself after a restart. */
    public List<Claim> claimsOn(long allotmentId) {
        return book.jdbc().sql("""
                        select o.id, o.buyer_id, l.quantity from order_lines l join orders o on o.id = l.order_id
                        where l.drawn_from = ? and o.status <> 'CANCELLED'""")
                .param(allotmentId).query((rs, n) -> new Claim(rs.getLong(1), rs.getLong(2), rs.getInt(3))).list();
    }

    /** Whose orders a listing shows: the caller's purchases, or the orders of the caller's shops. */
    public enum ListAs { BUYER, MERCHANT }

    /** The caller's orders as buyer or as merchant, newest first, optionally of one status. */
    public PageOf<OrderView> list(Caller caller, ListAs as, @Nullable OrderStatus status, PageRequest page) {
        String column = as == ListAs.MERCHANT ? "merchant_id" : "buyer_id";
        String where = " where " + column + " = ?" + (status == null ? "" : " and status = ?");
        List<Object> params = new ArrayList<>();
        params.add(caller.accountId());
        if (status != null) {
            params.add(status.name());
        }
        long total = book.jdbc().sql("select count(*) from orders" + where).params(params).query(Long.class).single();
        params.add(page.size());
        params.add(page.offset());
        List<Long> ids = book.jdbc().sql("select id from orders" + where + " order by id desc limit ? offset ?").params(params)
                .query(Long.class).list();
        return new PageOf<>(ids.stream().map(id -> view(book.get(id))).toList(),
                page.page(), page.size(), total);
    }

    private OrderView view(OrderRow row) {
        return new OrderView(row.id(), row.status(), row.buyerId(), row.shopId(), row.merchantId(), row.itemsTotal(),
                row.shippingFee(), row.total(), row.refunded(), row.currency(),
                new OrderView.Address(row.recipient(), row.phone(), row.region(), row.addressDetail()),
                row.creatorId(), row.liveSessionId(), row.carrier(), row.trackingNumber(), row.cancelledBy(),
                row.cancelReason(), row.dueAt(), row.placedAt(), book.lines(row.id()), book.timeline(row.id()),
                book.refunds(row.id()).stream().map(OrderBook.RefundRow::view).toList());
    }

    Party partyOf(OrderRow row, Caller caller) {
        if (caller.is(row.buyerId())) {
            return Party.BUYER;
        }
        if (caller.is(row.merchantId())) {
            return Party.MERCHANT;
        }
        if (caller.isOperator()) {
            return Party.OPERATOR;
        }
        throw new NotFound("Order", row.id());
    }

    void requireParty(OrderRow row, Caller caller, Party required) {
        Party party = partyOf(row, caller);
        if (party != required) {
            throw new Forbidden("Only the order's " + required.name().toLowerCase() + " may do this");
        }
    }

    private Address address(long buyerId, @Nullable Long addressId) {
        if (addressId != null) {
            try {
                return addresses.get(buyerId, addressId);
            } catch (NotFound e) {
                throw ValidationFailed.unprocessable("addressId", "no such address in your address book");
            }
        }
        return addresses.defaultAddress(buyerId).orElseThrow(() -> ValidationFailed.unprocessable("addressId",
                "add a shipping address to your address book first"));
    }
}
