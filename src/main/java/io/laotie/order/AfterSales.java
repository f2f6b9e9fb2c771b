package io.laotie.order;

import io.laotie.catalog.Products;
import io.laotie.identity.Caller;
import io.laotie.inventory.Inventory;
import io.laotie.ledger.AccountRef;
import io.laotie.ledger.Ledger;
import io.laotie.order.OrderBook.OrderRow;
import io.laotie.order.OrderBook.RefundRow;
import io.laotie.order.Orders.Party;
import io.laotie.order.internal.OrderProperties;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import static io.laotie.order.OrderBook.set;
import static io.laotie.order.OrderBook.utc;

/**
 * After-sales (售后) as Chinese buyers know it. Refund-only before shipment is approved and paid at once. Every
 * other request waits for the merchant, who must answer within {@code laotie.order.merchant-response} or it is
 * approved; a return is shipped back by the buyer and refunded when the merchant confirms receipt (or when the
 * confirmation deadline passes); a rejection can be escalated to an operator, whose ruling is final. Decisions on one
 * order happen one at a time (the order row is locked), and one request per order is open at a time.
 *
 * <p>{@link AfterSalesPolicy Policies} may grant a request a {@link AfterSalesCover} when it is made; the platform
 * then pays, from its subsidy account: the refund as soon as the return is shipped (escrow repays the platform when
 * the return is accepted, so the merchant's confirmation, rejection and arbitration work as for any request), the
 * return shipping, and compensation when an operator rules the goods counterfeit, recovered from the merchant's money
 * when the ruling puts the fault on the merchant and the cover says so.
 */
@Service
public class AfterSales {

    private static final List<RefundReason> GOODS_PROBLEMS = List.of(RefundReason.QUALITY, RefundReason.NOT_AS_DESCRIBED,
            RefundReason.DAMAGED_OR_SPOILED, RefundReason.COUNTERFEIT, RefundReason.MISSING_ITEM);

    private final OrderBook book;
    private final Orders orders;
    private final Products products;
    private final Inventory inventory;
    private final Ledger ledger;
    private final List<AfterSalesPolicy> policies;
    private final OrderProperties properties;
    private final ApplicationEventPublisher events;

    AfterSales(OrderBook book, Orders orders, Products products, Inventory inventory, Ledger ledger,
               List<AfterSalesPolicy> policies, OrderProperties properties, ApplicationEventPublisher events) {
        this.book = book;
        this.orders = orders;
        this.products = products;
        this.inventory = inventory;
        this.ledger = ledger;
        this.policies = policies;
        this.properties = properties;
        this.events = events;
    }

    /** The buyer asks for money back on a paid order. */
    @Transactional
    public RefundView request(long orderId, Caller caller, NewRefundRequest request) {
        OrderRow order = book.lock(orderId);
        orders.requireParty(order, caller, Party.BUYER);
        RefundStage stage = switch (order.status()) {
            case PAID -> RefundStage.BEFORE_SHIPMENT;
            case SHIPPED -> RefundStage.AFTER_SHIPMENT;
            case DELIVERED -> RefundStage.AFTER_DELIVERY;
            default -> throw new IllegalTransition("Order " + orderId + " is " + order.status() + "; after-sales needs a paid order not yet completed");
        };
        if (book.hasOpenRefund(orderId)) {
            throw new IllegalTransition("Order " + orderId + " already has an open after-sales request");
        }
        // An advance the merchant's rejection left unrepaid is the buyer's already: the platform bears it once, not twice.
        long advancedAlready = book.unrepaidAdvances(orderId);
        long refundable = order.refundable() - advancedAlready;
        if (request.amount() > refundable) {
            throw ValidationFailed.unprocessable("amount", "at most " + Math.max(0, refundable) + " fen of this order can still be refunded"
                    + (advancedAlready > 0 ? " (" + advancedAlready + " fen advanced on an earlier return are yours already)" : ""));
        }
        checkRules(order, stage, request);

        long id = book.nextId();
        Instant now = book.now();
        List<String> photos = request.photoUrls() == null ? List.of() : request.photoUrls();
        book.jdbc().sql("""
                        insert into refund_requests (id, order_id, buyer_id, merchant_id, kind, stage, amount, reason, text, photo_urls,
                                                     status, refunded, created_at, due_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', 0, ?, ?)""")
                .params(id, orderId, order.buyerId(), order.merchantId(), request.kind().name(), stage.name(), request.amount(),
                        request.reason().name(), request.text().strip(), photos.isEmpty() ? null : String.join("\n", photos),
                        utc(now), utc(now.plus(properties.merchantResponse())))
                .update();
        book.timeline(orderId, id, RefundStatus.REQUESTED.name(), Actor.BUYER, caller.accountId(),
                request.kind() + " " + request.amount() + " " + request.reason());
        RefundRequested requested = new RefundRequested(id, orderId, order.attribution(), request.kind(), stage,
                request.amount(), request.reason(), now);
        events.publishEvent(requested);
        AfterSalesCover cover = policies.stream().map(policy -> policy.cover(requested)).reduce(AfterSalesCover.NONE, AfterSalesCover::and);
        if (cover.any()) {
            book.jdbc().sql("update refund_requests set cover_advance = ?, cover_return_shipping = ?, cover_counterfeit_multiple = ?, cover_recover = ? where id = ?")
                    .params(cover.refundOnReturnShipment(), cover.returnShipping(), cover.counterfeitMultiple(),
                            cover.recoverCompensation(), id)
                    .update();
            book.timeline(orderId, id, "COVERED", Actor.SYSTEM, null, describe(cover));
        }

        if (stage == RefundStage.BEFORE_SHIPMENT) {
            approve(get(id), Actor.SYSTEM, true, null, "refund before shipment is approved at once");
        } else if (policies.stream().anyMatch(p -> p.review(requested) == AfterSalesPolicy.Verdict.APPROVE)) {
            approve(get(id), Actor.SYSTEM, true, null, "approved at once by a trust guarantee");
        }
        return get(id).view();
    }

    /** The merchant approves: a refund is paid at once; a return waits for the buyer to ship the goods back. */
    @Transactional
    public RefundView approve(long refundId, Caller caller) {
        RefundRow refund = locked(refundId, caller, Party.MERCHANT);
        if (refund.status() != RefundStatus.REQUESTED) {
            throw new IllegalTransition("Request " + refundId + " is " + refund.status() + " and cannot be approved");
        }
        approve(refund, Actor.MERCHANT, false, caller.accountId(), null);
        return get(refundId).view();
    }

    /** The merchant rejects with a reason; the buyer may escalate to an operator. */
    @Transactional
    public RefundView reject(long refundId, Caller caller, String reason) {
        RefundRow refund = locked(refundId, caller, Party.MERCHANT);
        if (!book.moveRefund(refundId, List.of(RefundStatus.REQUESTED, RefundStatus.RETURN_SHIPPED), RefundStatus.REJECTED,
                set("merchant_reason", reason.strip(), "due_at", null))) {
            throw new IllegalTransition("Request " + refundId + " is " + refund.status() + " and cannot be rejected");
        }
        book.timeline(refund.orderId(), refundId, RefundStatus.REJECTED.name(), Actor.MERCHANT, caller.accountId(), reason.strip());
        events.publishEvent(new RefundDecided(refundId, refund.orderId(), book.get(refund.orderId()).attribution(), false,
                Actor.MERCHANT, false, reason.strip(), refund.reason(), book.now()));
        orderMayComplete(refund.orderId());
        return get(refundId).view();
    }

    /** The buyer ships the goods of an approved return back, with the carrier and tracking number. */
    @Transactional
    public RefundView shipReturn(long refundId, Caller caller, String carrier, String trackingNumber) {
        RefundRow refund = locked(refundId, caller, Party.BUYER);
        Instant now = book.now();
        if (!book.moveRefund(refundId, List.of(RefundStatus.AWAITING_RETURN), RefundStatus.RETURN_SHIPPED,
                set("return_carrier", carrier.strip(), "return_tracking", trackingNumber.strip(),
                        "due_at", utc(now.plus(properties.returnReceiptAfter()))))) {
            throw new IllegalTransition("Request " + refundId + " is " + refund.status() + "; only an approved return can be shipped back");
        }
        book.timeline(refund.orderId(), refundId, RefundStatus.RETURN_SHIPPED.name(), Actor.BUYER, caller.accountId(),
                carrier.strip() + " " + trackingNumber.strip());
        payShipmentCover(refund);
        return get(refundId).view();
    }

    /** The merchant confirms the returned goods arrived; the refund follows at once and the goods go back to stock. */
    @Transactional
    public RefundView confirmReturn(long refundId, Caller caller) {
        RefundRow refund = locked(refundId, caller, Party.MERCHANT);
        if (refund.status() != RefundStatus.RETURN_SHIPPED) {
            throw new IllegalTransition("Request " + refundId + " is " + refund.status() + "; only a shipped return can be received");
        }
        acceptReturn(refund, Actor.MERCHANT, caller.accountId());
        return get(refundId).view();
    }

    /** The buyer escalates a rejected request to operator arbitration, while the order is not completed. */
    @Transactional
    public RefundView escalate(long refundId, Caller caller) {
        RefundRow refund = locked(refundId, caller, Party.BUYER);
        OrderRow order = book.get(refund.orderId());
        if (order.status().closed()) {
            throw new IllegalTransition("Order " + order.id() + " is " + order.status() + "; it can no longer be escalated");
        }
        if (!book.moveRefund(refundId, List.of(RefundStatus.REJECTED), RefundStatus.ESCALATED, set("due_at", null))) {
            throw new IllegalTransition("Request " + refundId + " is " + refund.status() + "; only a rejected request can be escalated");
        }
        book.timeline(refund.orderId(), refundId, RefundStatus.ESCALATED.name(), Actor.BUYER, caller.accountId(), null);
        return get(refundId).view();
    }

    /** An operator rules on an escalated request; the ruling is final. */
    @Transactional
    public RefundView arbitrate(long refundId, Caller operator, Ruling ruling) {
        RefundRow refund = get(refundId);
        book.lock(refund.orderId());
        refund = get(refundId);
        if (!operator.isOperator()) {
            throw new io.laotie.platform.Forbidden("Only operators arbitrate");
        }
        if (refund.status() != RefundStatus.ESCALATED) {
            throw new IllegalTransition("Request " + refundId + " is " + refund.status() + "; only an escalated request is arbitrated");
        }
        long amount = switch (ruling.outcome()) {
            case BUYER -> refund.amount();
            case MERCHANT -> 0;
            case SPLIT -> {
                if (ruling.amount() == null || ruling.amount() < 1 || ruling.amount() >= refund.amount()) {
                    throw ValidationFailed.of("amount", "a split gives the buyer between 1 and " + (refund.amount() - 1) + " fen");
                }
                yield ruling.amount();
            }
        };
        Ruling recorded = new Ruling(ruling.outcome(), amount, ruling.fault(), ruling.counterfeit());
        book.jdbc().sql("update refund_requests set ruling_outcome = ?, ruling_amount = ?, ruling_fault = ?, ruling_counterfeit = ? where id = ?")
                .params(ruling.outcome().name(), amount, ruling.fault().name(), ruling.counterfeit(), refundId).update();
        OrderRow order = book.get(refund.orderId());
        book.timeline(refund.orderId(), refundId, "RULED", Actor.OPERATOR, operator.accountId(),
                ruling.outcome() + " " + amount + " fault " + ruling.fault() + (ruling.counterfeit() ? " counterfeit" : ""));
        events.publishEvent(new ArbitrationRuled(refundId, refund.orderId(), order.attribution(), ruling.outcome(), amount,
                ruling.fault(), ruling.counterfeit(), refund.reason(), operator.accountId(), book.now()));
        if (amount > 0) {
            pay(get(refundId), amount, List.of(RefundStatus.ESCALATED), Actor.OPERATOR, operator.accountId());
        } else {
            book.moveRefund(refundId, List.of(RefundStatus.ESCALATED), RefundStatus.CLOSED, set("due_at", null));
            book.timeline(refund.orderId(), refundId, RefundStatus.CLOSED.name(), Actor.OPERATOR, operator.accountId(), null);
            orderMayComplete(refund.orderId());
        }
        if (ruling.counterfeit() && ruling.outcome() != Ruling.Outcome.MERCHANT) {
            compensateCounterfeit(get(refundId), ruling.fault());
        }
        return get(refundId).view();
    }

    /** A request as its buyer, its merchant or an operator sees it; anyone else gets 404. */
    public RefundView view(long refundId, Caller caller) {
        RefundRow refund = get(refundId);
        orders.partyOf(book.get(refund.orderId()), caller);
        return refund.view();
    }

    /** Requests in one status, oldest first: operators' arbitration queue ({@code ESCALATED}) and the like. */
    public PageOf<RefundView> inStatus(RefundStatus status, PageRequest page) {
        long total = book.jdbc().sql("select count(*) from refund_requests where status = ?").param(status.name()).query(Long.class).single();
        List<Long> ids = book.jdbc().sql("select id from refund_requests where status = ? order by id limit ? offset ?")
                .params(status.name(), page.size(), page.offset()).query(Long.class).list();
        return new PageOf<>(ids.stream().map(id -> get(id).view()).toList(), page.page(), page.size(), total);
    }

    /**
     * Requests on the orders of the caller's shops (every shop they own) that are in any of {@code statuses}, oldest
     * first so the one waiting longest leads: the shop console's after-sales and arbitration lists. Only orders whose
     * merchant is the caller are ever listed, operators included; no status at all answers an empty page.
     */
    public PageOf<RefundView> ofMerchant(Caller merchant, Collection<RefundStatus> statuses, PageRequest page) {
        if (statuses.isEmpty()) {
            return new PageOf<>(List.of(), page.page(), page.size(), 0);
        }
        String in = String.join(", ", Collections.nCopies(statuses.size(), "?"));
        List<Object> params = new ArrayList<>();
        params.add(merchant.accountId());
        statuses.forEach(status -> params.add(status.name()));
        String where = " where merchant_id = ? and status in (" + in + ")";
        long total = book.jdbc().sql("select count(*) from refund_requests" + where).params(params).query(Long.class).single();
        params.add(page.size());
        params.add(page.offset());
        List<Long> ids = book.jdbc().sql("select id from refund_requests" + where + " order by id limit ? offset ?").params(params)
                .query(Long.class).list();
        return new PageOf<>(ids.stream().map(id -> get(id).view()).toList(), page.page(), page.size(), total);
    }

    /** Acts on a request whose deadline passed: the merchant did not answer, or did not confirm a shipped return. */
    boolean onDue(long refundId) {
        RefundRow refund = get(refundId);
        book.lock(refund.orderId());
        refund = get(refundId);
        if (refund.dueAt() == null || refund.dueAt().isAfter(book.now())) {
            return false;
        }
        return switch (refund.status()) {
            case REQUESTED -> {
                approve(refund, Actor.SYSTEM, false, null, "the merchant did not answer in time");
                yield true;
            }
            case RETURN_SHIPPED -> {
                acceptReturn(refund, Actor.SYSTEM, null);
                yield true;
            }
            default -> false;
        };
    }

    private void approve(RefundRow refund, Actor by, boolean atOnce, @Nullable Long actorId, @Nullable String note) {
        OrderRow order = book.get(refund.orderId());
        events.publishEvent(new RefundDecided(refund.id(), refund.orderId(), order.attribution(), true, by, atOnce, null,
                refund.reason(), book.now()));
        if (refund.kind() == RefundKind.RETURN_AND_REFUND) {
            book.moveRefund(refund.id(), List.of(RefundStatus.REQUESTED), RefundStatus.AWAITING_RETURN, set("due_at", null));
            book.timeline(refund.orderId(), refund.id(), RefundStatus.AWAITING_RETURN.name(), by, actorId, note);
        } else {
            pay(refund, refund.amount(), List.of(RefundStatus.REQUESTED), by, actorId);
        }
    }

    /** The covered return is on its way: the platform advances the refund and pays the return shipping. */
    private void payShipmentCover(RefundRow refund) {
        AfterSalesCover cover = refund.cover();
        if (cover.refundOnReturnShipment()) {
            ledger.advanceRefund(refund.orderId(), refund.id(), refund.buyerId(), refund.amount());
            book.jdbc().sql("update refund_requests set advanced = ? where id = ?").params(refund.amount(), refund.id()).update();
            book.timeline(refund.orderId(), refund.id(), "ADVANCED", Actor.SYSTEM, null, Long.toString(refund.amount()));
        }
        if (cover.returnShipping() > 0) {
            ledger.subsidize("return-shipping:" + refund.id(), refund.orderId(), refund.buyerId(), cover.returnShipping(),
                    "return shipping of refund " + refund.id() + " paid by the platform");
            book.jdbc().sql("update refund_requests set return_shipping_paid = ? where id = ?").params(cover.returnShipping(), refund.id()).update();
            book.timeline(refund.orderId(), refund.id(), "SHIPPING_PAID", Actor.SYSTEM, null, Long.toString(cover.returnShipping()));
        }
    }

    /**
     * Goods ruled counterfeit on a covered request: the platform pays the buyer the cover's multiple of the request's
     * amount at once, and takes it back from the merchant's money (available first, then pending, as far as it
     * reaches) when the ruling puts the fault on the merchant and the cover says so.
     */
    private void compensateCounterfeit(RefundRow refund, Ruling.Fault fault) {
        AfterSalesCover cover = refund.cover();
        if (cover.counterfeitMultiple() == 0) {
            return;
        }
        long compensation = Math.multiplyExact(refund.amount(), (long) cover.counterfeitMultiple());
        String reference = "compensation:" + refund.id();
        ledger.subsidize(reference, refund.orderId(), refund.buyerId(), compensation,
                "compensation for counterfeit goods, refund " + refund.id());
        book.jdbc().sql("update refund_requests set compensated = ? where id = ?").params(compensation, refund.id()).update();
        book.timeline(refund.orderId(), refund.id(), "COMPENSATED", Actor.SYSTEM, null, Long.toString(compensation));
        if (cover.recoverCompensation() && fault == Ruling.Fault.MERCHANT) {
            long recovered = ledger.recover(refund.merchantId(), compensation, reference, refund.orderId())
                    .amountOn(AccountRef.platformSubsidy());
            book.jdbc().sql("update refund_requests set recovered = ? where id = ?").params(recovered, refund.id()).update();
            book.timeline(refund.orderId(), refund.id(), "RECOVERED", Actor.SYSTEM, null, Long.toString(recovered));
        }
    }

    /** A cover in a few words for the timeline. */
    private static String describe(AfterSalesCover cover) {
        List<String> grants = new ArrayList<>();
        if (cover.refundOnReturnShipment()) {
            grants.add("refund on return shipment");
        }
        if (cover.returnShipping() > 0) {
            grants.add("return shipping " + cover.returnShipping());
        }
        if (cover.counterfeitMultiple() > 0) {
            grants.add("counterfeit x" + cover.counterfeitMultiple());
        }
        return String.join("; ", grants);
    }

    private void acceptReturn(RefundRow refund, Actor by, @Nullable Long actorId) {
        for (OrderView.Line line : book.lines(refund.orderId())) {
            int back = line.quantity() - line.returned();
            if (back > 0) {
                inventory.returnToStock(book.reservationOf(line.id()), back);
                book.jdbc().sql("update order_lines set returned = quantity where id = ?").param(line.id()).update();
            }
        }
        pay(refund, refund.amount(), List.of(RefundStatus.RETURN_SHIPPED), by, actorId);
    }

    /** Pays a refund from escrow to the buyer; a fully refunded order ends as REFUNDED. */
    private void pay(RefundRow refund, long amount, List<RefundStatus> from, Actor by, @Nullable Long actorId) {
        Instant now = book.now();
        if (!book.moveRefund(refund.id(), from, RefundStatus.REFUNDED, set("refunded", amount, "due_at", null))) {
            throw new IllegalTransition("Request " + refund.id() + " changed meanwhile; look again");
        }
        int updated = book.jdbc().sql("update orders set refunded = refunded + ? where id = ? and refunded + ? <= total")
                .params(amount, refund.orderId(), amount).update();
        if (updated != 1) {
            throw new IllegalTransition("Order " + refund.orderId() + " has less left to refund than " + amount + " fen");
        }
        ledger.refundOrder(refund.orderId(), refund.id(), refund.buyerId(), amount);
        OrderRow order = book.get(refund.orderId());
        boolean full = order.refunded() == order.total();
        book.timeline(refund.orderId(), refund.id(), RefundStatus.REFUNDED.name(), by, actorId, Long.toString(amount));
        if (full) {
            if (order.status() == OrderStatus.PAID) {
                book.lines(order.id()).forEach(line -> inventory.returnToStock(book.reservationOf(line.id()), line.quantity() - line.returned()));
            }
            book.move(order.id(), List.of(OrderStatus.PAID, OrderStatus.SHIPPED, OrderStatus.DELIVERED), OrderStatus.REFUNDED,
                    set("closed_at", utc(now), "due_at", null));
            book.timeline(order.id(), null, OrderStatus.REFUNDED.name(), by, actorId, null);
        }
        events.publishEvent(new RefundPaid(refund.id(), refund.orderId(), order.attribution(), amount, refund.reason(),
                refund.kind(), full, now));
        if (!full) {
            orderMayComplete(order.id());
        }
    }

    /** After a request ends, a delivered order with nothing else open completes at the end of its window (or now). */
    private void orderMayComplete(long orderId) {
        OrderRow order = book.get(orderId);
        if (order.status() == OrderStatus.DELIVERED && order.dueAt() == null && !book.hasOpenRefund(orderId)) {
            Instant due = order.deliveredAt() == null ? book.now() : order.deliveredAt().plus(properties.afterSalesWindow());
            Instant now = book.now();
            book.jdbc().sql("update orders set due_at = ? where id = ? and status = 'DELIVERED'")
                    .params(utc(due.isBefore(now) ? now : due), orderId).update();
        }
    }

    private void checkRules(OrderRow order, RefundStage stage, NewRefundRequest request) {
        if (stage == RefundStage.BEFORE_SHIPMENT && request.kind() == RefundKind.RETURN_AND_REFUND) {
            throw ValidationFailed.unprocessable("kind", "nothing has been shipped yet: ask for REFUND_ONLY");
        }
        if (stage == RefundStage.AFTER_DELIVERY && request.kind() == RefundKind.REFUND_ONLY) {
            if (!GOODS_PROBLEMS.contains(request.reason())) {
                throw ValidationFailed.unprocessable("reason",
                        "after delivery, refund-only is for goods that arrived broken, spoiled, wrong or missing; otherwise return them");
            }
            if (request.photoUrls() == null || request.photoUrls().isEmpty()) {
                throw ValidationFailed.unprocessable("photoUrls", "show the problem with at least one photo");
            }
        }
        if (request.reason() == RefundReason.NO_REASON && stage != RefundStage.BEFORE_SHIPMENT) {
            if (request.kind() != RefundKind.RETURN_AND_REFUND) {
                throw ValidationFailed.unprocessable("kind", "a no-reason request after shipment is a return");
            }
            boolean allowed = book.lines(order.id()).stream().allMatch(line -> products.sku(line.skuId()).noReasonReturn());
            if (!allowed) {
                throw ValidationFailed.unprocessable("reason", "these goods are not eligible for 7-day no-reason return");
            }
            if (order.deliveredAt() != null && book.now().isAfter(order.deliveredAt().plus(Duration.ofDays(properties.noReasonReturnDays())))) {
                throw ValidationFailed.unprocessable("reason",
                        "the " + properties.noReasonReturnDays() + "-day no-reason return window has passed");
            }
        }
    }

    private RefundRow locked(long refundId, Caller caller, Party required) {
        RefundRow refund = get(refundId);
        OrderRow order = book.lock(refund.orderId());
        orders.requireParty(order, caller, required);
        return get(refundId);
    }

    private RefundRow get(long refundId) {
        return book.findRefund(refundId).orElseThrow(() -> new NotFound("Refund request", refundId));
    }
}
