package io.laotie.catalog;

import io.laotie.platform.JsonId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A product to list. Prices are fen (integer minor units of CNY): at least 1 and at most {@value #MAX_PRICE}
 * (one million yuan); shipping fee 0 means free shipping.
 */
public record NewProduct(
        @NotBlank @Size(max = 120) String title,
        @NotNull @Size(max = 5000) String description,
        @NotNull @JsonId Long categoryId,
        @Nullable Boolean standard,
        @Valid @Nullable Origin origin,
        @NotNull @Min(1) @Max(MAX_PRICE) Long costPrice,
        @NotNull @Min(1) @Max(MAX_PRICE) Long referencePrice,
        @Min(0) @Max(MAX_SHIPPING_FEE) @Nullable Long shippingFee,
        @Nullable Boolean noReasonReturn,
        @Size(max = 9) @Nullable List<@NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> imageUrls,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull NewSku> skus) {

    public static final long MAX_PRICE = 100_000_000L;
    public static final long MAX_SHIPPING_FEE = 100_000L;

    /** One SKU (规格) with its own price and initial stock. */
    public record NewSku(@NotBlank @Size(max = 64) String name,
                         @NotNull @Min(1) @Max(MAX_PRICE) Long price,
                         @NotNull @Min(0) @Max(100_000_000L) Long stock) {
    }
}
