package io.laotie.order.web;

import io.laotie.platform.web.Yuan;
import io.laotie.catalog.ProductStatus;
import io.laotie.catalog.ProductView;
import io.laotie.catalog.Products;
import io.laotie.catalog.SkuForSale;
import io.laotie.identity.Address;
import io.laotie.identity.AddressBook;
import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.inventory.InsufficientStock;
import io.laotie.ledger.AccountRef;
import io.laotie.ledger.InsufficientBalance;
import io.laotie.ledger.Ledger;
import io.laotie.order.AfterSales;
import io.laotie.order.NewOrder;
import io.laotie.order.NewRefundRequest;
import io.laotie.order.OrderStatus;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.order.RefundKind;
import io.laotie.order.RefundReason;
import io.laotie.order.RefundView;
import io.laotie.platform.IdempotencyConflict;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.Problem;
import io.laotie.platform.web.FormErrors;
import io.laotie.platform.web.Notices;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The buyer's side of an order: checkout from a product page with a choice of address (确认订单), my orders by status
 * (我的订单), and one order with everything that happened to it and every step the buyer may take next: pay from the
 * wallet, cancel, confirm receipt, ask for money back, send a return, escalate a rejection. Someone else's order
 * answers the 404 page; its merchant is sent to the console's page of it.
 */
@Controller
class OrderPages {

    static final int PAGE_SIZE = 10;
    static final List<OrderStatus> TABS = List.of(OrderStatus.PENDING_PAYMENT, OrderStatus.PAID, OrderStatus.SHIPPED,
            OrderStatus.DELIVERED, OrderStatus.COMPLETED, OrderStatus.CANCELLED, OrderStatus.REFUNDED);
    static final int MAX_SHIPMENT_FIELD = 64;

    /** The one line a product page checks out, priced as the shop sells it now. */
    record CheckoutLine(long productId, long skuId, String title, String skuName, @Nullable String image, long unitPrice,
                        int quantity, long available) {
        public long lineTotal() {
            return unitPrice * quantity;
        }
    }

    /** An order in a list: the order, its shop's name and when it was placed, in the platform zone. */
    record Row(OrderView order, String shop, String placedAt) {
    }

    private final Orders orders;
    private final AfterSales afterSales;
    private final Products products;
    private final AddressBook addresses;
    private final Ledger ledger;
    private final OrderDetails details;
    private final FormKeys keys;
    private final Notices notices;

    OrderPages(Orders orders, AfterSales afterSales, Products products, AddressBook addresses, Ledger ledger,
               OrderDetails details, FormKeys keys, Notices notices) {
        this.orders = orders;
        this.afterSales = afterSales;
        this.products = products;
        this.addresses = addresses;
        this.ledger = ledger;
        this.details = details;
        this.keys = keys;
        this.notices = notices;
    }

    @GetMapping("/checkout")
    String checkout(Caller caller, @RequestParam long sku, @RequestParam(defaultValue = "1") String quantity,
                    @RequestParam(required = false) @Nullable Long addressId, Model model) {
        Integer units = quantity(quantity);
        if (units == null) {
            model.addAttribute("alert", notices.text("order.checkout.quantity-rule", NewOrder.MAX_QUANTITY));
        }
        return checkoutPage(caller, sku, units == null ? 1 : units, addressId, model);
    }

    /** Places the order; whatever stops it (sold out, no address) shows the same page again with the reason. */
    @PostMapping("/checkout")
    String placeOrder(Caller caller, @RequestParam long sku, @RequestParam(defaultValue = "") String quantity,
                      @RequestParam(required = false) @Nullable Long addressId, @RequestParam(required = false) @Nullable String key,
                      HttpServletRequest request, ClientInfo client, Model model, RedirectAttributes next) {
        Integer units = quantity(quantity);
        if (units == null) {
            model.addAttribute("alert", notices.text("order.checkout.quantity-rule", NewOrder.MAX_QUANTITY));
            return checkoutPage(caller, sku, 1, addressId, model);
        }
        if (addresses.list(caller.accountId()).isEmpty()) {
            model.addAttribute("alert", notices.text("order.checkout.no-address"));
            return checkoutPage(caller, sku, units, addressId, model);
        }
        NewOrder order = new NewOrder(List.of(new NewOrder.Line(sku, units)), addressId, null);
        try {
            long id = keys.once(caller, key, request, order, () -> orders.place(caller, order, client).id());
            notices.success(next, "order.placed");
            return "redirect:/orders/" + id;
        } catch (InsufficientStock soldOut) {
            long available = available(sku);
            model.addAttribute("alert", available == 0 ? notices.text("order.checkout.sold-out")
                    : notices.text("order.checkout.only-left", available));
        } catch (IdempotencyConflict sentBefore) {
            model.addAttribute("alert", notices.text("order.checkout.already-sent"));
        } catch (Problem problem) {
            model.addAttribute("alert", notices.describe(problem));
        }
        return checkoutPage(caller, sku, units, addressId, model);
    }

    private String checkoutPage(Caller caller, long skuId, int quantity, @Nullable Long addressId, Model model) {
        SkuForSale sku = products.sku(skuId);
        ProductView product = sku.status() == ProductStatus.ACTIVE ? products.view(sku.productId(), Optional.of(caller)) : null;
        long available = product == null ? 0 : product.skus().stream().filter(s -> s.id() == skuId)
                .mapToLong(ProductView.SkuView::available).findFirst().orElse(0);
        String image = product == null || product.imageUrls().isEmpty() ? null : product.imageUrls().getFirst();
        CheckoutLine line = new CheckoutLine(sku.productId(), skuId, sku.productTitle(), sku.skuName(), image, sku.price(),
                quantity, available);
        List<Address> book = addresses.list(caller.accountId());
        Long chosen = book.stream().filter(a -> addressId != null && a.id() == addressId).map(Address::id).findFirst()
                .or(() -> book.stream().filter(Address::isDefault).map(Address::id).findFirst())
                .orElse(book.isEmpty() ? null : book.getFirst().id());
        long total = line.lineTotal() + sku.shippingFee();
        long balance = ledger.balance(AccountRef.wallet(caller.accountId()));
        model.addAttribute("line", line);
        model.addAttribute("onSale", product != null);
        model.addAttribute("addresses", book);
        model.addAttribute("chosenAddress", chosen);
        model.addAttribute("shippingFee", sku.shippingFee());
        model.addAttribute("total", total);
        model.addAttribute("balance", balance);
        model.addAttribute("shortfall", Math.max(0, total - balance));
        model.addAttribute("maxQuantity", NewOrder.MAX_QUANTITY);
        model.addAttribute("key", FormKeys.fresh());
        return "order/checkout";
    }

    @GetMapping("/orders")
    String list(Caller caller, @RequestParam(required = false) @Nullable OrderStatus status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        PageOf<OrderView> found = orders.list(caller, Orders.ListAs.BUYER, status, new PageRequest(Math.max(page, 0), PAGE_SIZE));
        Function<Long, String> shopNames = details.shopNames();
        model.addAttribute("orders", found.map(o -> new Row(o, shopNames.apply(o.shopId()), details.when(o.placedAt()))));
        model.addAttribute("status", status);
        model.addAttribute("tabs", TABS);
        pagingLinks(model, found, "/orders", "status", status == null ? null : status.name());
        return "order/orders";
    }

    @GetMapping("/orders/{id}")
    String order(Caller caller, @PathVariable long id, Model model) {
        OrderView order = orders.view(id, caller);
        if (!caller.is(order.buyerId()) && caller.is(order.merchantId())) {
            return "redirect:/console/orders/" + id;
        }
        return orderPage(caller, order, defaultRequest(order), model);
    }

    /** Pays from the wallet; a wallet short of the total says so, and the page links to the wallet to top up. */
    @PostMapping("/orders/{id}/payment")
    String pay(Caller caller, @PathVariable long id, RedirectAttributes next) {
        orders.view(id, caller);
        try {
            OrderView paid = orders.pay(id, caller);
            notices.success(next, "order.paid", Yuan.text(paid.total()));
        } catch (InsufficientBalance walletShort) {
            notices.alert(next, "order.pay.short");
        } catch (Problem problem) {
            notices.problem(next, problem);
        }
        return "redirect:/orders/" + id;
    }

    @PostMapping("/orders/{id}/cancellation")
    String cancel(Caller caller, @PathVariable long id, RedirectAttributes next) {
        return act(caller, id, next, "order.cancelled", () -> orders.cancel(id, caller, null));
    }

    @PostMapping("/orders/{id}/receipt")
    String confirmReceipt(Caller caller, @PathVariable long id, RedirectAttributes next) {
        return act(caller, id, next, "order.received", () -> orders.confirmReceipt(id, caller));
    }

    /** Asks for money back; mistakes and the module's refusals show beside the fields, with what was typed kept. */
    @PostMapping("/orders/{id}/refund-requests")
    String askForRefund(Caller caller, @PathVariable long id, @ModelAttribute("refundForm") RefundForm form, BindingResult result,
                        HttpServletRequest request, Model model, RedirectAttributes next) {
        OrderView order = orders.view(id, caller);
        form.check(result, order.total() - order.refunded(), order.status(), noReasonReturn(order));
        if (!result.hasErrors()) {
            NewRefundRequest refund = form.toRequest();
            try {
                keys.once(caller, form.getKey(), request, refund, () -> afterSales.request(id, caller, refund).id());
                notices.success(next, "refund.requested");
                return "redirect:/orders/" + id;
            } catch (IdempotencyConflict sentBefore) {
                result.reject("refund.already-sent");
            } catch (Problem problem) {
                FormErrors.reject(result, problem, RefundForm::formField);
            }
        }
        form.setKey(FormKeys.fresh());
        model.addAttribute("refundOpen", true);
        return orderPage(caller, orders.view(id, caller), form, model);
    }

    @PostMapping("/orders/{id}/after-sales/{refundId}/return-shipment")
    String shipReturn(Caller caller, @PathVariable long id, @PathVariable long refundId,
                      @RequestParam(defaultValue = "") String carrier, @RequestParam(defaultValue = "") String trackingNumber,
                      RedirectAttributes next) {
        requestOf(caller, id, refundId);
        if (!shipmentField(carrier) || !shipmentField(trackingNumber)) {
            notices.alert(next, "order.shipment.rule", MAX_SHIPMENT_FIELD);
            return "redirect:/orders/" + id;
        }
        return act(caller, id, next, "refund.return-shipped", () -> afterSales.shipReturn(refundId, caller, carrier, trackingNumber));
    }

    @PostMapping("/orders/{id}/after-sales/{refundId}/escalation")
    String escalate(Caller caller, @PathVariable long id, @PathVariable long refundId, RedirectAttributes next) {
        requestOf(caller, id, refundId);
        return act(caller, id, next, "refund.escalated", () -> afterSales.escalate(refundId, caller));
    }

    private String orderPage(Caller caller, OrderView order, RefundForm form, Model model) {
        details.addTo(model, order);
        boolean buyer = caller.is(order.buyerId());
        model.addAttribute("buyer", buyer);
        if (buyer) {
            long balance = ledger.balance(AccountRef.wallet(caller.accountId()));
            long refundable = order.total() - order.refunded();
            boolean open = order.afterSales().stream().anyMatch(r -> r.status().open());
            boolean mayAsk = !open && refundable > 0 && (order.status() == OrderStatus.PAID
                    || order.status() == OrderStatus.SHIPPED || order.status() == OrderStatus.DELIVERED);
            model.addAttribute("balance", balance);
            model.addAttribute("shortfall", order.status() == OrderStatus.PENDING_PAYMENT ? Math.max(0, order.total() - balance) : 0);
            model.addAttribute("mayAskForRefund", mayAsk);
            model.addAttribute("refundable", refundable);
            model.addAttribute("refundKinds", order.status() == OrderStatus.PAID ? List.of(RefundKind.REFUND_ONLY) : List.of(RefundKind.values()));
            model.addAttribute("refundReasons", List.of(RefundReason.values()));
            model.addAttribute("noReasonReturn", mayAsk && order.status() != OrderStatus.PAID && noReasonReturn(order));
            model.addAttribute("refundForm", form);
        }
        return "order/order";
    }

    private RefundForm defaultRequest(OrderView order) {
        RefundForm form = new RefundForm();
        form.setKind(order.status() == OrderStatus.PAID ? RefundKind.REFUND_ONLY : RefundKind.RETURN_AND_REFUND);
        form.setAmount(Yuan.plain(order.total() - order.refunded()));
        form.setKey(FormKeys.fresh());
        return form;
    }

    /** Whether every line's product offers the 7-day no-reason return, which the module checks again on request. */
    private boolean noReasonReturn(OrderView order) {
        try {
            return order.lines().stream().allMatch(line -> products.sku(line.skuId()).noReasonReturn());
        } catch (NotFound gone) {
            return false;
        }
    }

    /** Does what the buyer asked and says how it went on the order page. */
    private String act(Caller caller, long id, RedirectAttributes next, String success, Runnable action) {
        orders.view(id, caller);
        try {
            action.run();
            notices.success(next, success);
        } catch (Problem problem) {
            notices.problem(next, problem);
        }
        return "redirect:/orders/" + id;
    }

    /** A request of this order, seen by the caller; anyone else's answers 404 like the order itself. */
    private RefundView requestOf(Caller caller, long orderId, long refundId) {
        RefundView request = afterSales.view(refundId, caller);
        if (request.orderId() != orderId) {
            throw new NotFound("Refund request", refundId);
        }
        return request;
    }

    private long available(long skuId) {
        SkuForSale sku = products.sku(skuId);
        return products.view(sku.productId(), Optional.empty()).skus().stream().filter(s -> s.id() == skuId)
                .mapToLong(ProductView.SkuView::available).findFirst().orElse(0);
    }

    static boolean shipmentField(String typed) {
        return !typed.isBlank() && typed.strip().length() <= MAX_SHIPMENT_FIELD;
    }

    private static @Nullable Integer quantity(String typed) {
        try {
            int units = Integer.parseInt(typed.strip());
            return units >= 1 && units <= NewOrder.MAX_QUANTITY ? units : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** Links to the previous and next page of a list, keeping its tab ({@code name=tab}); absent at either end. */
    static void pagingLinks(Model model, PageOf<?> page, String path, String name, @Nullable String tab) {
        long pages = (page.total() + page.size() - 1) / page.size();
        model.addAttribute("pages", pages);
        model.addAttribute("previousPage", page.page() > 0 ? link(path, name, tab, page.page() - 1) : null);
        model.addAttribute("nextPage", page.page() + 1 < pages ? link(path, name, tab, page.page() + 1) : null);
    }

    private static String link(String path, String name, @Nullable String tab, int page) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
        if (tab != null) {
            link.queryParam(name, tab);
        }
        if (page > 0) {
            link.queryParam("page", page);
        }
        return link.build().toUriString();
    }
}
