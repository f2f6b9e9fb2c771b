package io.laotie.order;

import java.time.Instant;

/** A buyer asked for money back. */
public record RefundRequested(long refundId, long orderId, Attribution attribution, RefundKind kind, RefundStage stage,
                              long amount, RefundReason reason, Instant at) {
}
