package io.laotie.trust;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A viewer's journey with a creator moved back ({@code to} is null when the journey ended, after an unfollow of a
 * journey that never got past FOLLOWED); {@code cause} names the event that moved it.
 */
public record FanJourneyRegressed(long journeyId, long viewerId, long creatorId, JourneyStage from,
                                  @Nullable JourneyStage to, String cause, Instant at) {
}
