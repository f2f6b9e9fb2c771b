package io.laotie.inventory;

/** A merchant changed stock on hand by {@code delta}, leaving {@code stock} on hand and {@code reserved} held. */
public record StockAdjusted(long skuId, long delta, String reason, long actorId, long stock, long reserved) {
}
