package io.laotie.social;

import java.time.Instant;

/** A signed-in viewer left a live room after watching it for {@code watchedSeconds}. */
public record RoomLeft(long liveSessionId, long creatorId, long viewerId, long watchedSeconds, Instant enteredAt, Instant at) {
}
