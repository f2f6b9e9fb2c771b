package io.laotie.catalog;

import io.laotie.platform.JsonId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.util.List;

import static io.laotie.catalog.NewProduct.MAX_PRICE;
import static io.laotie.catalog.NewProduct.MAX_SHIPPING_FEE;

/** A partial edit of a product: absent (null) fields stay as they are. */
public record ProductChange(
        @Size(min = 1, max = 120) @Nullable String title,
        @Size(max = 5000) @Nullable String description,
        @JsonId @Nullable Long categoryId,
        @Nullable Boolean standard,
        @Valid @Nullable Origin origin,
        @Min(1) @Max(MAX_PRICE) @Nullable Long costPrice,
        @Min(1) @Max(MAX_PRICE) @Nullable Long referencePrice,
        @Min(0) @Max(MAX_SHIPPING_FEE) @Nullable Long shippingFee,
        @Nullable Boolean noReasonReturn,
        @Size(max = 9) @Nullable List<@NotBlank @Size(max = 1000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String> imageUrls) {
}
