package io.laotie.trust;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One order behind a weak point of a shop's experience score: what went wrong ({@code reason}: LATE_SHIPMENT,
 * SLOW_DELIVERY, QUALITY_REFUND, COUNTERFEIT, NEGATIVE_REVIEW, SLOW_RESPONSE, SELLER_CANCEL, ARBITRATION_LOST,
 * COMPLAINT_UPHELD), the figure (stars or hours) where there is one, and when.
 */
public record WeakOrder(@JsonId @Nullable Long orderId, String dimension, String reason, @Nullable Double figure,
                        Instant at) {
}
