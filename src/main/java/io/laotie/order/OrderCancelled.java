package io.laotie.order;

import java.time.Instant;

/** The order ended before shipment: who cancelled, why, and how much was refunded (0 if it was never paid). */
public record OrderCancelled(long orderId, Attribution attribution, Actor by, CancelReason reason, long refunded, Instant at) {
}
