package io.laotie.order.web;

import io.laotie.identity.Caller;
import io.laotie.identity.ClientInfo;
import io.laotie.order.AfterSales;
import io.laotie.order.NewOrder;
import io.laotie.order.NewRefundRequest;
import io.laotie.order.OrderStatus;
import io.laotie.order.OrderView;
import io.laotie.order.Orders;
import io.laotie.order.RefundView;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Orders: place, pay, cancel, ship, receive, list, and ask for money back. */
@RestController
@RequestMapping("/api/orders")
class OrderApi {

    record Shipment(@NotBlank @Size(max = 64) String carrier, @NotBlank @Size(max = 64) String trackingNumber) {
    }

    record Cancellation(@Size(max = 500) @Nullable String note) {
    }

    private final Orders orders;
    private final AfterSales afterSales;

    OrderApi(Orders orders, AfterSales afterSales) {
        this.orders = orders;
        this.afterSales = afterSales;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrderView place(Caller caller, @Valid @RequestBody NewOrder order, HttpServletRequest request) {
        return orders.place(caller, order, clientOf(request));
    }

    @GetMapping("/{id}")
    OrderView get(Caller caller, @PathVariable long id) {
        return orders.view(id, caller);
    }

    @GetMapping
    PageOf<OrderView> list(Caller caller, @RequestParam(required = false) Orders.@Nullable ListAs as,
                           @RequestParam(required = false) @Nullable OrderStatus status,
                           @RequestParam(required = false) @Nullable Integer page,
                           @RequestParam(required = false) @Nullable Integer size) {
        return orders.list(caller, as == null ? Orders.ListAs.BUYER : as, status, PageRequest.of(page, size));
    }

    @PostMapping("/{id}/payment")
    OrderView pay(Caller caller, @PathVariable long id) {
        return orders.pay(id, caller);
    }

    @PostMapping("/{id}/cancellation")
    OrderView cancel(Caller caller, @PathVariable long id, @Valid @RequestBody(required = false) @Nullable Cancellation cancellation) {
        return orders.cancel(id, caller, cancellation == null || cancellation.note() == null || cancellation.note().isBlank()
                ? null : cancellation.note().strip());
    }

    @PostMapping("/{id}/shipment")
    OrderView ship(Caller caller, @PathVariable long id, @Valid @RequestBody Shipment shipment) {
        return orders.ship(id, caller, shipment.carrier(), shipment.trackingNumber());
    }

    @PostMapping("/{id}/receipt")
    OrderView receive(Caller caller, @PathVariable long id) {
        return orders.confirmReceipt(id, caller);
    }

    @PostMapping("/{id}/refund-requests")
    @ResponseStatus(HttpStatus.CREATED)
    RefundView requestRefund(Caller caller, @PathVariable long id, @Valid @RequestBody NewRefundRequest request) {
        return afterSales.request(id, caller, request);
    }

    static ClientInfo clientOf(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"), request.getHeader("X-Device-Id"));
    }
}
