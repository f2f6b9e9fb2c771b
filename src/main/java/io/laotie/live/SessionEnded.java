package io.laotie.live;

import java.time.Instant;

/** A live session ended, with what it drew. */
public record SessionEnded(long liveSessionId, long creatorId, Instant startedAt, Instant at, int peakViewers,
                           long watchSeconds, long likes, long comments, int newFollowers, int orders, long paidGmv) {
}
