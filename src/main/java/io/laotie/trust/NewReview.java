package io.laotie.trust;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A buyer's review of some lines of one delivered order: all of them are stored, or none. Fields are optional here so
 * that a missing one is refused by the rules with the line's field named ({@code lines[1].rating}), not as bad JSON.
 */
public record NewReview(@Nullable List<Line> lines) {

    /**
     * @param rating    1–5 stars
     * @param tags      codes of {@link ReviewTag}
     * @param imageUrls http or https addresses of photos
     */
    public record Line(@JsonId @Nullable Long orderLineId, @Nullable Integer rating, @Nullable String text,
                       @Nullable List<String> tags, @Nullable List<String> imageUrls) {
    }
}
