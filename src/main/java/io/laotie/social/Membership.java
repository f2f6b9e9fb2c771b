package io.laotie.social;

import io.laotie.platform.JsonId;

import java.time.Instant;

/** One viewer's membership in one creator's fan club. */
public record Membership(@JsonId long creatorId, @JsonId long viewerId, long intimacy, int level, long nextLevelAt,
                         Instant joinedAt) {
}
