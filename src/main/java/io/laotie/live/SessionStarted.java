package io.laotie.live;

import java.time.Instant;

/** A creator went live. */
public record SessionStarted(long liveSessionId, long creatorId, String title, Instant at) {
}
