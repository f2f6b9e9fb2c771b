package io.laotie.order.web;

import io.laotie.identity.Caller;
import io.laotie.order.AfterSales;
import io.laotie.order.RefundStatus;
import io.laotie.order.RefundView;
import io.laotie.order.Ruling;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** After-sales requests: the merchant's answer, the return's journey, escalation and arbitration. */
@RestController
@RequestMapping("/api")
class RefundApi {

    record Rejection(@NotBlank @Size(max = 500) String reason) {
    }

    record ReturnShipment(@NotBlank @Size(max = 64) String carrier, @NotBlank @Size(max = 64) String trackingNumber) {
    }

    private final AfterSales afterSales;

    RefundApi(AfterSales afterSales) {
        this.afterSales = afterSales;
    }

    @GetMapping("/refund-requests/{id}")
    RefundView get(Caller caller, @PathVariable long id) {
        return afterSales.view(id, caller);
    }

    @PostMapping("/refund-requests/{id}/approval")
    RefundView approve(Caller caller, @PathVariable long id) {
        return afterSales.approve(id, caller);
    }

    @PostMapping("/refund-requests/{id}/rejection")
    RefundView reject(Caller caller, @PathVariable long id, @Valid @RequestBody Rejection rejection) {
        return afterSales.reject(id, caller, rejection.reason());
    }

    @PostMapping("/refund-requests/{id}/return-shipment")
    RefundView shipReturn(Caller caller, @PathVariable long id, @Valid @RequestBody ReturnShipment shipment) {
        return afterSales.shipReturn(id, caller, shipment.carrier(), shipment.trackingNumber());
    }

    @PostMapping("/refund-requests/{id}/return-receipt")
    RefundView confirmReturn(Caller caller, @PathVariable long id) {
        return afterSales.confirmReturn(id, caller);
    }

    @PostMapping("/refund-requests/{id}/escalation")
    RefundView escalate(Caller caller, @PathVariable long id) {
        return afterSales.escalate(id, caller);
    }

    @PostMapping("/refund-requests/{id}/arbitration")
    RefundView arbitrate(Caller caller, @PathVariable long id, @Valid @RequestBody Ruling ruling) {
        return afterSales.arbitrate(id, caller, ruling);
    }

    /** The arbitration queue and other views by status, for operators. */
    @GetMapping("/operator/refund-requests")
    PageOf<RefundView> byStatus(@RequestParam(required = false) @Nullable RefundStatus status,
                                @RequestParam(required = false) @Nullable Integer page,
                                @RequestParam(required = false) @Nullable Integer size) {
        return afterSales.inStatus(status == null ? RefundStatus.ESCALATED : status, PageRequest.of(page, size));
    }
}
