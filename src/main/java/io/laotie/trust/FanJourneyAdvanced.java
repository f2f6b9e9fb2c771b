package io.laotie.trust;

import java.time.Instant;

/** A viewer's journey with a creator reached a later stage; {@code cause} names the event that moved it. */
public record FanJourneyAdvanced(long journeyId, long viewerId, long creatorId, JourneyStage from, JourneyStage to,
                                 String cause, Instant at) {
}
