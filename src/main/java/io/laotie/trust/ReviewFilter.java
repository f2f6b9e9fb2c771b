package io.laotie.trust;

import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;

/** Which reviews a listing shows: all, or those with so many stars, a tag, or photos. */
public record ReviewFilter(@Nullable Integer rating, @Nullable ReviewTag tag, boolean withImages) {

    public static final ReviewFilter ALL = new ReviewFilter(null, null, false);

    public ReviewFilter {
        if (rating != null && (rating < 1 || rating > 5)) {
            throw ValidationFailed.of("rating", "must be between 1 and 5");
        }
    }
}
