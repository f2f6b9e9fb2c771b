package io.laotie.trust;

import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * A creator's funnel for the cohort of journeys whose first contact falls in [from, to] (all time when null), of one
 * first-contact source or all: how many ever reached each stage, the rate and median time between adjacent stages
 * (among those who reached the earlier one), today's spread over current stages, and the same split by source and by
 * week of first contact (weeks start on Monday, in the platform zone).
 */
public record Funnel(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String source, List<StageCount> stages,
                     List<Conversion> conversions, List<StageCount> current, List<Slice> bySource, List<Slice> byWeek) {

    /** {@code stage} null in {@code current} counts ended journeys. */
    public record StageCount(@Nullable JourneyStage stage, long count) {
    }

    /** {@code rate} is null when nobody reached {@code from}; {@code medianHours} when nobody reached both. */
    public record Conversion(JourneyStage from, JourneyStage to, @Nullable Double rate, @Nullable Double medianHours) {
    }

    /** The funnel of one source or one week ({@code key} the source, or the week's Monday). */
    public record Slice(String key, long journeys, List<StageCount> stages, List<Conversion> conversions) {
    }
}
