package io.laotie.social;

import java.time.Instant;

/** A signed-in viewer commented in a live room; the comment passed moderation and is stored. */
public record RoomCommented(long commentId, long liveSessionId, long creatorId, long authorId, int length, Instant at) {
}
