package io.laotie.inventory;

import io.laotie.platform.JsonId;

/** A SKU's stock: {@code stock} on hand, {@code reserved} for unpaid orders, and {@code available} to sell. */
public record StockLevel(@JsonId long skuId, long stock, long reserved) {

    public long available() {
        return stock - reserved;
    }
}
