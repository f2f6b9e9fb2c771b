package io.laotie.social;

import java.time.Instant;

/** A fan-club member's intimacy reached a new level. */
public record FanClubLevelReached(long viewerId, long creatorId, int level, long intimacy, Instant at) {
}
