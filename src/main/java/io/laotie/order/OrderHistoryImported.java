package io.laotie.order;

import java.time.Instant;

/**
 * One chunk of an order-history import is stored: {@code orders} orders of the shop, attributed to the creator, all
 * COMPLETED on their dates, with no money moved. An import of n orders publishes ⌈n / chunk size⌉ of these in the
 * transaction that stores them, instead of one event per order (a hundred thousand publications would crowd the event
 * registry). The orders themselves are read with {@link OrderHistoryImports#chunk}: the registry keeps every event
 * serialized in at most 8,000 characters, so they cannot travel inside it. A module that builds something from
 * imported orders implements {@link ImportFollower}, so the import is DONE only once it has absorbed every chunk.
 */
public record OrderHistoryImported(long importId, long shopId, long merchantId, long creatorId, int chunk, int chunks,
                                   int orders, Instant at) {
}
