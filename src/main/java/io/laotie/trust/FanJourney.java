package io.laotie.trust;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * One viewer's journey with one creator: where it stands now ({@code stage} null once it ended), where the first
 * contact came from, when each stage was first reached, and (when asked for one journey) every step with its cause.
 */
public record FanJourney(@JsonId long id, @JsonId long viewerId, String viewerName, @JsonId long creatorId,
                         String creatorName, @Nullable JourneyStage stage, String source, Instant firstContactAt,
                         boolean following, List<Reached> reached, Instant updatedAt, @Nullable List<Step> steps) {

    /** The first time the journey reached {@code stage}. */
    public record Reached(JourneyStage stage, Instant at) {
    }

    /** One move, forward ({@code advanced}) or back; {@code to} null when the journey ended. */
    public record Step(@Nullable JourneyStage from, @Nullable JourneyStage to, boolean advanced, String cause, Instant at) {
    }
}
