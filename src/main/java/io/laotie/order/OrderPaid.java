package io.laotie.order;

import java.time.Instant;

/** The buyer paid; the money sits in escrow until the order completes. */
public record OrderPaid(long orderId, Attribution attribution, long total, Instant at) {
}
