package io.laotie.live;

import io.laotie.platform.JsonId;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A SKU's price in the room while the session is live (直播价), in fen; never above the SKU's own price. */
public record LivePrice(@NotNull @JsonId Long skuId, @NotNull @Min(1) Long price) {
}
