package io.laotie.order;

import java.time.Instant;
import java.util.List;

/** The buyer paid; the money sits in escrow until the order completes. The lines say what was bought. */
public record OrderPaid(long orderId, Attribution attribution, List<OrderPlaced.Line> lines, long total, Instant at) {
}
