package io.laotie.inventory;

import io.laotie.platform.Problem;

/** Fewer units are available than asked for (409 {@code insufficient-stock}). */
public class InsufficientStock extends Problem {

    private final long skuId;

    public InsufficientStock(long skuId, long requested) {
        super("insufficient-stock", 409, "Insufficient stock", "SKU " + skuId + " has fewer than " + requested + " units available");
        this.skuId = skuId;
    }

    public long skuId() {
        return skuId;
    }
}
