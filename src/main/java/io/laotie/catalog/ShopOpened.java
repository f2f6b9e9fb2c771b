package io.laotie.catalog;

/** A merchant opened a shop. */
public record ShopOpened(long shopId, long ownerId, String name) {
}
