package io.laotie.live;

import io.laotie.platform.JsonId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A flash sale to start: which shelf item's SKU, its price in fen, how many units, how many one buyer may take, the
 * countdown before it opens (10–300 s) and how long it runs (1–20 minutes).
 */
public record NewFlashSale(
        @NotNull @JsonId Long shelfItemId,
        @NotNull @JsonId Long skuId,
        @NotNull @Min(1) Long price,
        @NotNull @Min(1) @Max(FlashSales.MAX_QUANTITY) Integer quantity,
        @NotNull @Min(1) @Max(FlashSales.MAX_PER_BUYER) Integer perBuyerLimit,
        @NotNull @Min(10) @Max(300) Integer countdownSeconds,
        @NotNull @Min(60) @Max(1200) Integer durationSeconds) {
}
