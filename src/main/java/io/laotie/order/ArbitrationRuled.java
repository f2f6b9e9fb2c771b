package io.laotie.order;

import java.time.Instant;

/** An operator ruled on an escalated request. */
public record ArbitrationRuled(long refundId, long orderId, Attribution attribution, Ruling.Outcome outcome, long amount,
                               Ruling.Fault fault, boolean counterfeit, RefundReason reason, long operatorId, Instant at) {
}
