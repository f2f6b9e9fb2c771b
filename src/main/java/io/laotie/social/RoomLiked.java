package io.laotie.social;

import java.time.Instant;

/** Likes of one viewer in one room, summed over one interval starting at {@code intervalStart}. */
public record RoomLiked(long liveSessionId, long creatorId, long viewerId, long count, Instant intervalStart, Instant at) {
}
