package io.laotie.live;

import java.time.Instant;

/** A scheduled session was called off before it started. */
public record SessionCancelled(long liveSessionId, long creatorId, Instant at) {
}
