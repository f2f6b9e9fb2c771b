package io.laotie.trust;

import java.util.List;

/** One page of reviews, newest first, as every paged API answers ({@code items, page, size, total}), with the summary. */
public record ReviewPage(List<ReviewView> items, int page, int size, long total, ReviewSummary summary) {
}
