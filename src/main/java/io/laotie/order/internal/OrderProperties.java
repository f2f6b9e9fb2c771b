package io.laotie.order.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Order timings ({@code laotie.order.*}), Spring durations ({@code 15m}, {@code 10d}, {@code PT5S}) measured from
 * the instant of the event that starts them.
 *
 * @param paymentTimeout      an unpaid order is cancelled this long after it was placed
 * @param autoReceiptAfter    a shipped order counts as delivered this long after shipment
 * @param afterSalesWindow    a delivered order completes this long after delivery, if nothing is open
 * @param merchantResponse    a request the merchant has not answered by then is approved
 * @param returnReceiptAfter  a shipped return the merchant has not confirmed by then is accepted
 * @param noReasonReturnDays  the 7-day no-reason return (七天无理由) window after delivery, in days
 * @param scanInterval        how often the scheduler looks for transitions that fell due
 */
@ConfigurationProperties("laotie.order")
public record OrderProperties(
        @DefaultValue("15m") Duration paymentTimeout,
        @DefaultValue("10d") Duration autoReceiptAfter,
        @DefaultValue("7d") Duration afterSalesWindow,
        @DefaultValue("48h") Duration merchantResponse,
        @DefaultValue("7d") Duration returnReceiptAfter,
        @DefaultValue("7") int noReasonReturnDays,
        @DefaultValue("2s") Duration scanInterval) {
}
