package io.laotie.trust;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the visible reviews of a product (or of a creator's goods) add up to, unfiltered: how many, the plain average
 * of their stars with one decimal (null when there are none; scores smooth, this does not), how many gave each number
 * of stars (5 down to 1), how many carry each tag (most first) and how many show photos.
 */
public record ReviewSummary(long count, @Nullable BigDecimal average, List<RatingCount> ratings, List<TagCount> tags,
                            long withImages) {

    public record RatingCount(int rating, long count) {
    }

    public record TagCount(ReviewTag tag, long count) {
    }
}
