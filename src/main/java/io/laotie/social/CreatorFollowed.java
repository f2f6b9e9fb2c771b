package io.laotie.social;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A viewer followed a creator (关注), from a source and, for {@link FollowSource#ROOM}, the room's live session. */
public record CreatorFollowed(long viewerId, long creatorId, FollowSource source, @Nullable Long liveSessionId, Instant at) {
}
