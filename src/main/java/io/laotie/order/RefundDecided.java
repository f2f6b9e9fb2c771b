package io.laotie.order;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A request was approved or rejected: by the merchant, by an operator, or by the platform ({@code by = SYSTEM}). A
 * platform decision is either the merchant's deadline passing unanswered or, with {@code atOnce}, a rule that approves
 * the request the moment it is made (a refund before shipment, a trust guarantee) — then nobody answered, and the
 * decision says nothing about the merchant's service.
 */
public record RefundDecided(long refundId, long orderId, Attribution attribution, boolean approved, Actor by,
                            boolean atOnce, @Nullable String merchantReason, RefundReason reason, Instant at) {
}
