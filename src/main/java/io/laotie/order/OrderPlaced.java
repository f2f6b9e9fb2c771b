package io.laotie.order;

import java.time.Instant;
import java.util.List;

/** A buyer placed an order; stock is reserved until it is paid or cancelled. */
public record OrderPlaced(long orderId, Attribution attribution, List<Line> lines, long total, Instant at) {

    public record Line(long lineId, long skuId, long productId, int quantity, long unitPrice) {
    }
}
