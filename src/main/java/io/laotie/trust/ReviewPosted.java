package io.laotie.trust;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A buyer reviewed one line of a delivered order: who sold it (shop, merchant, the creator it is attributed to), the
 * stars and the words, for scores, journeys and brushing checks.
 */
public record ReviewPosted(long reviewId, long orderId, long orderLineId, long productId, long shopId, long merchantId,
                           @Nullable Long creatorId, long buyerId, int rating, List<String> tags, String text,
                           Instant at) {
}
