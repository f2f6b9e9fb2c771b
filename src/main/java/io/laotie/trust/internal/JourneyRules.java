package io.laotie.trust.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules that move fan journeys ({@code laotie.trust.journeys.*}); docs/trust-journeys.md says why each is what it is.
 *
 * @param engagedDays          distinct days with an interaction a follower needs to be ENGAGED
 * @param engagingWatchSeconds a room visit counts as an interaction when it lasted at least this long
 * @param dailyPointsCap       at most this many interaction points count per viewer, creator and day (a comment, a
 *                             qualifying visit, a fan-club join and an interval of likes are one point each)
 */
@ConfigurationProperties("laotie.trust.journeys")
public record JourneyRules(@DefaultValue("2") int engagedDays, @DefaultValue("60") long engagingWatchSeconds,
                           @DefaultValue("20") int dailyPointsCap) {
}
