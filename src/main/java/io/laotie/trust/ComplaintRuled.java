package io.laotie.trust;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** An operator ruled on a complaint (投诉) about a creator or a shop; an upheld one counts in their scores. */
public record ComplaintRuled(long complaintId, @Nullable Long creatorId, @Nullable Long shopId, long complainantId,
                             boolean upheld, Instant at) {
}
