package io.laotie.social;

import java.time.Instant;

/** A signed-in viewer opened a live room. */
public record RoomEntered(long liveSessionId, long creatorId, long viewerId, Instant at) {
}
