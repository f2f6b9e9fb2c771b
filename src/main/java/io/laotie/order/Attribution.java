package io.laotie.order;

import org.jspecify.annotations.Nullable;

/** Who took part in a sale, carried by every order event so listeners never have to call back. */
public record Attribution(long buyerId, long shopId, long merchantId, @Nullable Long creatorId, @Nullable Long liveSessionId) {
}
