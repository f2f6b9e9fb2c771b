package io.laotie.order;

import java.time.Instant;

/** The after-sales window closed with nothing open: the merchant is paid {@code total − refunded} less the fee. */
public record OrderCompleted(long orderId, Attribution attribution, long total, long refunded, Instant at) {
}
