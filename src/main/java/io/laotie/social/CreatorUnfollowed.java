package io.laotie.social;

import java.time.Instant;

/** A viewer stopped following a creator; {@code followedAt} says how long the follow lasted. */
public record CreatorUnfollowed(long viewerId, long creatorId, Instant followedAt, Instant at) {
}
