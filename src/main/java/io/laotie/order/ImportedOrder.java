package io.laotie.order;

import java.time.Instant;

/** An order brought in with a shop's past history: who bought (a placeholder account), when, and for how many fen. */
public record ImportedOrder(long orderId, long buyerId, Instant orderedAt, long amount) {
}
