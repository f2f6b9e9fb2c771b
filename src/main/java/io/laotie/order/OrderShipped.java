package io.laotie.order;

import java.time.Instant;

/** The merchant shipped the order. */
public record OrderShipped(long orderId, Attribution attribution, String carrier, String trackingNumber, Instant at) {
}
