package io.laotie.catalog;

/** What an order needs to know about a SKU at the moment of sale. */
public record SkuForSale(long skuId, long productId, long shopId, long shopOwnerId, String productTitle, String skuName,
                         long price, long shippingFee, boolean noReasonReturn, boolean standard, ProductStatus status) {
}
