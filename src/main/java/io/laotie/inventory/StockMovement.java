package io.laotie.inventory;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One change of stock on hand: INITIAL, ADJUSTMENT (by a merchant, with a reason), SALE or RETURN. */
public record StockMovement(@JsonId long id, @JsonId long skuId, String kind, long delta, String reason,
                            @JsonId @Nullable Long actorId, Instant at) {
}
