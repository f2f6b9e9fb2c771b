package io.laotie.order.web;

import io.laotie.identity.Caller;
import io.laotie.identity.Role;
import io.laotie.order.AfterSales;
import io.laotie.order.OrderStatus;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.order.RefundStatus;
import io.laotie.order.RefundView;
import io.laotie.platform.Forbidden;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.platform.web.Notices;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The shop console's orders (订单管理) across all of the merchant's shops: what to ship, after-sales requests waiting
 * for the merchant, requests with the platform, and everything; and one order with the address to ship to and the
 * merchant's moves: ship, cancel for being out of stock, approve or reject a request, confirm a returned parcel.
 * Orders of other shops answer 404; the buyer of an order is sent to their own page of it.
 */
@Controller
@RequestMapping("/console/orders")
class ConsoleOrderPages {

    private static final int MAX_REASON = 500;

    /** The console's lists; the request lists name the request statuses they show. */
    enum Tab {
        TO_SHIP("to-ship", List.of()),
        AFTER_SALES("after-sales", List.of(RefundStatus.REQUESTED, RefundStatus.RETURN_SHIPPED)),
        ARBITRATION("arbitration", List.of(RefundStatus.ESCALATED)),
        ALL("all", List.of());

        final String slug;
        final List<RefundStatus> requests;

        Tab(String slug, List<RefundStatus> requests) {
            this.slug = slug;
            this.requests = requests;
        }

        public String slug() {
            return slug;
        }

        static Tab of(String slug) {
            return Arrays.stream(values()).filter(t -> t.slug.equals(slug)).findFirst().orElse(TO_SHIP);
        }
    }

    /** A line of a console list: the order, its shop, when placed, and the request that put it on the list if any. */
    record Row(OrderView order, String shop, String placedAt, @Nullable RefundView request, @Nullable String requestDue) {
    }

    private final Orders orders;
    private final AfterSales afterSales;
    private final OrderDetails details;
    private final Notices notices;

    ConsoleOrderPages(Orders orders, AfterSales afterSales, OrderDetails details, Notices notices) {
        this.orders = orders;
        this.afterSales = afterSales;
        this.details = details;
        this.notices = notices;
    }

    @GetMapping
    String list(Caller caller, @RequestParam(defaultValue = "to-ship") String tab, @RequestParam(defaultValue = "0") int page,
                Model model) {
        if (!caller.has(Role.MERCHANT)) {
            return "redirect:/console";
        }
        Tab shown = Tab.of(tab);
        PageRequest request = new PageRequest(Math.max(page, 0), OrderPages.PAGE_SIZE);
        Function<Long, String> shops = details.shopNames();
        PageOf<Row> rows = switch (shown) {
            case TO_SHIP -> orders.list(caller, Orders.ListAs.MERCHANT, OrderStatus.PAID, request).map(o -> row(o, shops, null));
            case ALL -> orders.list(caller, Orders.ListAs.MERCHANT, null, request).map(o -> row(o, shops, null));
            case AFTER_SALES, ARBITRATION -> afterSales.ofMerchant(caller, shown.requests, request)
                    .map(r -> row(orders.view(r.orderId(), caller), shops, r));
        };
        Map<Tab, Long> counts = new LinkedHashMap<>();
        PageRequest one = new PageRequest(0, 1);
        counts.put(Tab.TO_SHIP, orders.list(caller, Orders.ListAs.MERCHANT, OrderStatus.PAID, one).total());
        counts.put(Tab.AFTER_SALES, afterSales.ofMerchant(caller, Tab.AFTER_SALES.requests, one).total());
        counts.put(Tab.ARBITRATION, afterSales.ofMerchant(caller, Tab.ARBITRATION.requests, one).total());
        model.addAttribute("tab", shown);
        model.addAttribute("tabs", Tab.values());
        model.addAttribute("counts", counts);
        model.addAttribute("rows", rows);
        OrderPages.pagingLinks(model, rows, "/console/orders", "tab", shown.slug);
        return "console/orders";
    }

    @GetMapping("/{id}")
    String order(Caller caller, @PathVariable long id, Model model) {
        OrderView order = orders.view(id, caller);
        if (!caller.is(order.merchantId())) {
            if (caller.is(order.buyerId())) {
                return "redirect:/orders/" + id;
            }
            throw new Forbidden("Only the shop's owner handles its orders in the console");
        }
        details.addTo(model, order);
        RefundView open = order.afterSales().stream().filter(r -> r.status().open()).findFirst().orElse(null);
        model.addAttribute("requestDue", open == null || open.dueAt() == null ? null : details.when(open.dueAt()));
        model.addAttribute("mayCancel", order.status() == OrderStatus.PENDING_PAYMENT
                || (order.status() == OrderStatus.PAID && open == null));
        return "console/order";
    }

    @PostMapping("/{id}/shipment")
    String ship(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "") String carrier,
                @RequestParam(defaultValue = "") String trackingNumber, RedirectAttributes next) {
        mine(caller, id);
        if (!OrderPages.shipmentField(carrier) || !OrderPages.shipmentField(trackingNumber)) {
            notices.alert(next, "order.shipment.rule", OrderPages.MAX_SHIPMENT_FIELD);
            return back(id);
        }
        return act(id, next, "console.order.shipped", () -> orders.ship(id, caller, carrier, trackingNumber));
    }

    /** Cancels for being out of stock: a seller-fault cancellation, refunded in full when paid. */
    @PostMapping("/{id}/cancellation")
    String cancel(Caller caller, @PathVariable long id, @RequestParam(defaultValue = "") String note, RedirectAttributes next) {
        mine(caller, id);
        String why = note.strip();
        if (why.length() > MAX_REASON) {
            notices.alert(next, "console.order.reason-rule", MAX_REASON);
            return back(id);
        }
        return act(id, next, "console.order.cancelled", () -> orders.cancel(id, caller, why.isEmpty() ? null : why));
    }

    @PostMapping("/{id}/after-sales/{refundId}/approval")
    String approve(Caller caller, @PathVariable long id, @PathVariable long refundId, RedirectAttributes next) {
        requestOf(caller, id, refundId);
        return act(id, next, "console.request.approved", () -> afterSales.approve(refundId, caller));
    }

    @PostMapping("/{id}/after-sales/{refundId}/rejection")
    String reject(Caller caller, @PathVariable long id, @PathVariable long refundId, @RequestParam(defaultValue = "") String reason,
                  RedirectAttributes next) {
        requestOf(caller, id, refundId);
        String why = reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            notices.alert(next, "console.request.reason-rule", MAX_REASON);
            return back(id);
        }
        return act(id, next, "console.request.rejected", () -> afterSales.reject(refundId, caller, why));
    }

    @PostMapping("/{id}/after-sales/{refundId}/return-receipt")
    String confirmReturn(Caller caller, @PathVariable long id, @PathVariable long refundId, RedirectAttributes next) {
        requestOf(caller, id, refundId);
        return act(id, next, "console.request.return-confirmed", () -> afterSales.confirmReturn(refundId, caller));
    }

    private Row row(OrderView order, Function<Long, String> shops, @Nullable RefundView request) {
        return new Row(order, shops.apply(order.shopId()), details.when(order.placedAt()), request,
                request == null || request.dueAt() == null ? null : details.when(request.dueAt()));
    }

    /** The order, when the caller is its merchant: 404 for strangers (the module says so), 403 for its buyer and operators. */
    private OrderView mine(Caller caller, long id) {
        OrderView order = orders.view(id, caller);
        if (!caller.is(order.merchantId())) {
            throw new Forbidden("Only the shop's owner handles its orders in the console");
        }
        return order;
    }

    private RefundView requestOf(Caller caller, long orderId, long refundId) {
        mine(caller, orderId);
        RefundView request = afterSales.view(refundId, caller);
        if (request.orderId() != orderId) {
            throw new NotFound("Refund request", refundId);
        }
        return request;
    }

    private String act(long id, RedirectAttributes next, String success, Runnable action) {
        try {
            action.run();
            notices.success(next, success);
        } catch (Problem problem) {
            notices.problem(next, problem);
        }
        return back(id);
    }

    private static String back(long id) {
        return "redirect:/console/orders/" + id;
    }
}
