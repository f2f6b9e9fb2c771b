package io.laotie.order;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** A buyer placed an order; stock is reserved until it is paid or cancelled. */
public record OrderPlaced(long orderId, Attribution attribution, List<Line> lines, long total, Instant at) {

    /** A line as events carry it; {@code shelfItemId} is set when it was bought from a live room's shelf. */
    public record Line(long lineId, long skuId, long productId, String title, int quantity, long unitPrice,
                       @Nullable Long shelfItemId) {
    }
}
