package io.laotie.trust;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A report of an abusive review, with the review as operators see it (also when it is hidden by now). */
public record ReviewReportView(@JsonId long id, @JsonId long reviewId, String reporter, String reason, ReportStatus status,
                               Instant createdAt, @Nullable Instant ruledAt, ReviewView review) {
}
