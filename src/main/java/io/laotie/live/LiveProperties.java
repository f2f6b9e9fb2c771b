package io.laotie.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Live-room settings ({@code laotie.live.*}).
 *
 * @param room                      the room channel
 * @param moderation                what a viewer may say
 * @param flashSalePaymentTimeout   a flash-sale order not paid this long after it was placed is cancelled, and its
 *                                  units go back to the sale (or to stock, once the sale has ended)
 */
@ConfigurationProperties("laotie.live")
public record LiveProperties(@DefaultValue Room room, @DefaultValue Moderation moderation,
                             @DefaultValue("5m") Duration flashSalePaymentTimeout) {

    /**
     * @param batchInterval          frames to a viewer are gathered and sent together this often
     * @param commentsPerSecond      at most this many other viewers' comments a second reach each viewer when the
     *                               room is hot (a sample); their own, the creator's and every other kind always do
     * @param maxBacklog             frames that may wait for a viewer who is not reading; past it the connection is
     *                               closed (1008) and the client reconnects, so a stalled viewer holds bounded memory
     * @param maxFrameBytes          a client frame larger than this closes that connection with 1009
     * @param counterFlushInterval   how often a room's counters (likes, viewers, watch time) are stored
     */
    public record Room(
            @DefaultValue("100ms") Duration batchInterval,
            @DefaultValue("20") int commentsPerSecond,
            @DefaultValue("2000") int maxBacklog,
            @DefaultValue("4096") int maxFrameBytes,
            @DefaultValue("5s") Duration counterFlushInterval) {
    }

    /**
     * @param maxCommentLength   a longer comment is refused, in characters
     * @param commentsPerWindow  a viewer may send this many comments per window (the creator is not limited in
     *                           their own room)
     * @param commentWindow      the rate-limit window
     * @param maxLikesPerFrame   a like frame may carry at most this count (a client batches taps)
     */
    public record Moderation(
            @DefaultValue("200") int maxCommentLength,
            @DefaultValue("5") int commentsPerWindow,
            @DefaultValue("10s") Duration commentWindow,
            @DefaultValue("100") int maxLikesPerFrame) {
    }
}
