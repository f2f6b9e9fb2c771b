package io.laotie.catalog;

import java.util.List;

/** A product was listed with its SKUs. */
public record ProductListed(long productId, long shopId, long categoryId, boolean standard, List<Long> skuIds) {
}
