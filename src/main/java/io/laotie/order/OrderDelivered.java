package io.laotie.order;

import java.time.Instant;

/** The buyer confirmed receipt, or the auto-receipt deadline passed ({@code automatic}). */
public record OrderDelivered(long orderId, Attribution attribution, boolean automatic, Instant at) {
}
