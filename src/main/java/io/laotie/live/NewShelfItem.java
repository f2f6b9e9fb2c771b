package io.laotie.live;

import io.laotie.platform.JsonId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;

/** A product to put on a session's shelf, with optional live prices per SKU. */
public record NewShelfItem(@NotNull @JsonId Long productId, @Nullable @Size(max = 50) List<@Valid @NotNull LivePrice> livePrices) {
}
