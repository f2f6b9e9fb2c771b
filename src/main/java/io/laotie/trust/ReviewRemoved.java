package io.laotie.trust;

import java.time.Instant;

/** An operator upheld a report against a review: it is hidden and no longer counts anywhere. */
public record ReviewRemoved(long reviewId, Instant at) {
}
