package io.laotie.order;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** The merchant (or the deadline, {@code by = SYSTEM}) approved or rejected a request. */
public record RefundDecided(long refundId, long orderId, Attribution attribution, boolean approved, Actor by,
                            @Nullable String merchantReason, RefundReason reason, Instant at) {
}
