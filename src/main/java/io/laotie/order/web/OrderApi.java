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
import io.laotie.platform.web.Idempotency;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
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
    private final Idempotency idempotency;

    OrderApi(Orders orders, AfterSales afterSales, Idempotency idempotency) {
        this.orders = orders;
        this.afterSales = afterSales;
        this.idempotency = idempotency;
    }

    @PostMapping
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = OrderView.class)))
    ResponseEntity<?> place(Caller caller, @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
                            @Valid @RequestBody NewOrder order, ClientInfo client, HttpServletRequest request) {
        return idempotency.run(caller.accountId(), key, () -> idempotency.fingerprint(request, order),
                () -> ResponseEntity.status(HttpStatus.CREATED).body(orders.place(caller, order, client)));
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

    /** Pays from the wallet (the built-in gateway). Paying a paid order answers it unchanged, with or without a key. */
    @PostMapping("/{id}/payment")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrderView.class)))
    ResponseEntity<?> pay(Caller caller, @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
                          @PathVariable long id, HttpServletRequest request) {
        return idempotency.run(caller.accountId(), key, () -> idempotency.fingerprint(request, null),
                () -> ResponseEntity.ok(orders.pay(id, caller)));
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
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RefundView.class)))
    ResponseEntity<?> requestRefund(Caller caller, @RequestHeader(name = Idempotency.HEADER, required = false) @Nullable String key,
                                    @PathVariable long id, @Valid @RequestBody NewRefundRequest refund, HttpServletRequest request) {
        return idempotency.run(caller.accountId(), key, () -> idempotency.fingerprint(request, refund),
                () -> ResponseEntity.status(HttpStatus.CREATED).body(afterSales.request(id, caller, refund)));
    }
}
