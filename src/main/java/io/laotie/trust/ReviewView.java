package io.laotie.trust;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A review as readers see it. The reviewer is named only masked ({@code 张**}) for privacy; the order it came from
 * ({@code orderId}, {@code orderLineId}) is shown only to its author and operators. {@code removed} reviews (an
 * operator upheld a report) are seen only by their author and operators.
 */
public record ReviewView(
        @JsonId long id,
        @JsonId long productId,
        String productTitle,
        String skuName,
        @JsonId long shopId,
        @JsonId @Nullable Long creatorId,
        String reviewer,
        int rating,
        String text,
        List<ReviewTag> tags,
        List<String> imageUrls,
        Instant createdAt,
        @Nullable FollowUp followUp,
        @Nullable Reply reply,
        boolean removed,
        @JsonId @Nullable Long orderId,
        @JsonId @Nullable Long orderLineId) {

    /** The buyer's later word (追评). */
    public record FollowUp(String text, List<String> imageUrls, Instant at) {
    }

    /** The merchant's answer (商家回复). */
    public record Reply(String text, Instant at) {
    }
}
