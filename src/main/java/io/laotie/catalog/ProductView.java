package io.laotie.catalog;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A product as the caller may see it. Everyone sees prices, the reference price, the buyer benefit
 * (reference − price), badges and each SKU's {@code available} quantity. The shop owner and operators also see
 * {@code costPrice}, {@code markupRatio} (price ÷ cost) and each SKU's {@code stock} and {@code reserved}; for
 * anyone else those fields are absent, never zero.
 */
public record ProductView(
        @JsonId long id,
        @JsonId long shopId,
        String shopName,
        String title,
        String description,
        @JsonId long categoryId,
        String categoryName,
        boolean standard,
        Origin origin,
        List<String> imageUrls,
        long price,
        long referencePrice,
        long buyerBenefit,
        long shippingFee,
        boolean freeShipping,
        boolean noReasonReturn,
        boolean sourceDirect,
        String currency,
        ProductStatus status,
        List<SkuView> skus,
        @Nullable Long costPrice,
        @Nullable BigDecimal markupRatio,
        Instant createdAt) {

    public record SkuView(@JsonId long id, String name, long price, long available,
                          @Nullable Long stock, @Nullable Long reserved) {
    }
}
