package io.laotie.live;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A session's figures for its creator: live counts while it runs, and after it the review (复盘). Average viewers
 * are the mean of per-second audience counts while live; an item's views are the viewers who saw it as the
 * explaining item; its conversion is paid orders per view.
 */
public record SessionReport(
        @JsonId long liveSessionId,
        SessionStatus status,
        @Nullable Instant startedAt,
        @Nullable Instant endedAt,
        long durationSeconds,
        long viewers,
        int peakViewers,
        double averageViewers,
        long watchSeconds,
        long likes,
        long comments,
        int newFollowers,
        int fanClubJoins,
        int orders,
        long paidGmv,
        String currency,
        List<Item> items) {

    public record Item(@JsonId long shelfItemId, @JsonId long productId, String title, long views, int orders, int units,
                       long paidAmount, double conversion) {
    }
}
