package io.laotie.social;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A viewer joined a creator's fan club (加入粉丝团), from a room when {@code liveSessionId} is set. */
public record FanClubJoined(long viewerId, long creatorId, @Nullable Long liveSessionId, Instant at) {
}
