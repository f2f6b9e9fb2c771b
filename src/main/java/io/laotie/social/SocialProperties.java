package io.laotie.social;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Social settings ({@code laotie.social.*}).
 *
 * @param signalInterval        likes and watch time are summed per viewer over intervals this long before stored
 * @param levelThresholds       intimacy needed for fan-club levels 2, 3, …; level 1 on joining
 * @param intimacyPerWatchMinute points for each full minute watched
 * @param intimacyPerComment    points for a comment
 * @param likesPerIntimacyPoint likes that earn one point
 * @param intimacyPerYuan       points for each yuan paid for goods sold by the creator
 * @param dailyIntimacyCap      at most this many points a member earns from one creator per calendar day, so a
 *                              script cannot buy levels with likes
 */
@ConfigurationProperties("laotie.social")
public record SocialProperties(
        @DefaultValue("10s") Duration signalInterval,
        @DefaultValue({"20", "60", "150", "400", "1000", "2500", "6000", "15000", "40000"}) List<Long> levelThresholds,
        @DefaultValue("1") long intimacyPerWatchMinute,
        @DefaultValue("2") long intimacyPerComment,
        @DefaultValue("10") long likesPerIntimacyPoint,
        @DefaultValue("1") long intimacyPerYuan,
        @DefaultValue("300") long dailyIntimacyCap) {

    /** The level that {@code intimacy} points reach. */
    public int levelOf(long intimacy) {
        int level = 1;
        for (long threshold : levelThresholds) {
            if (intimacy >= threshold) {
                level++;
            }
        }
        return level;
    }

    /** Points needed for the level after {@code level}, or -1 at the top. */
    public long nextLevelAt(int level) {
        return level - 1 < levelThresholds.size() ? levelThresholds.get(level - 1) : -1;
    }
}
