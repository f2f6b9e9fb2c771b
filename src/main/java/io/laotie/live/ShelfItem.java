package io.laotie.live;

import io.laotie.catalog.Origin;
import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One item on a live session's shelf, as the room shows it: the product with its origin story and reference price,
 * and per SKU the price and the live price (applied while the session is LIVE). {@code price} and {@code livePrice}
 * are the lowest over the SKUs.
 */
public record ShelfItem(
        @JsonId long id,
        @JsonId long liveSessionId,
        @JsonId long productId,
        int position,
        String title,
        @Nullable String imageUrl,
        String shopName,
        Origin origin,
        long referencePrice,
        long price,
        @Nullable Long livePrice,
        boolean explaining,
        boolean onSale,
        List<Sku> skus) {

    public record Sku(@JsonId long skuId, String name, long price, @Nullable Long livePrice, long available) {
    }
}
