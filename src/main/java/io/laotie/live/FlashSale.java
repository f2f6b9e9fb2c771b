package io.laotie.live;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A flash sale (秒杀) as anyone may see it. {@code remaining} counts units not yet claimed by an order (a unit comes
 * back when its order is cancelled or not paid in time while the sale runs); {@code sold} is what orders held when
 * it ended. Prices in fen; {@code usualPrice} is what a room purchase paid without the sale when it was created (the
 * live price, or the SKU's price), the price the sale is shown against.
 */
public record FlashSale(
        @JsonId long id,
        @JsonId long liveSessionId,
        @JsonId long shelfItemId,
        @JsonId long productId,
        @JsonId long skuId,
        long price,
        long usualPrice,
        int quantity,
        int perBuyerLimit,
        int remaining,
        @Nullable Integer sold,
        FlashSaleStatus status,
        Instant startsAt,
        Instant endsAt,
        @Nullable Instant endedAt,
        @Nullable String endReason) {
}
