package io.laotie.catalog;

/** ACTIVE products are for sale and found by search; DELISTED ones are kept for orders that refer to them. */
public enum ProductStatus {
    ACTIVE, DELISTED
}
