package io.laotie.trust;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * The reviews of one order as its buyer sees them, with what they may still do: review the lines not reviewed yet
 * while {@code reviewable} (delivered or completed, until {@code reviewUntil}), and add one follow-up to each review
 * until {@code followUpUntil}. The times are null before delivery.
 */
public record OrderReviews(@JsonId long orderId, boolean reviewable, @Nullable Instant reviewUntil,
                           boolean followUpOpen, @Nullable Instant followUpUntil, List<ReviewView> reviews) {
}
