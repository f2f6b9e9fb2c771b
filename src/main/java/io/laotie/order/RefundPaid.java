package io.laotie.order;

import java.time.Instant;

/**
 * Money went back to the buyer. {@code orderFullyRefunded} says whether nothing of the order's total is left paid.
 */
public record RefundPaid(long refundId, long orderId, Attribution attribution, long amount, RefundReason reason,
                         RefundKind kind, boolean orderFullyRefunded, Instant at) {
}
