package io.laotie.trust.internal;

import io.laotie.order.ArbitrationRuled;
import io.laotie.order.Attribution;
import io.laotie.order.OrderCancelled;
import io.laotie.order.OrderCompleted;
import io.laotie.order.OrderPaid;
import io.laotie.order.RefundPaid;
import io.laotie.order.Ruling;
import io.laotie.social.CreatorFollowed;
import io.laotie.social.CreatorUnfollowed;
import io.laotie.social.FanClubJoined;
import io.laotie.social.RoomCommented;
import io.laotie.social.RoomLeft;
import io.laotie.social.RoomLiked;
import io.laotie.trust.ReviewPosted;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * What the fan journeys hear: follows and interactions from social, attributed orders, refunds and rulings from
 * order, reviews from trust itself. They arrive through the trust inbox ({@link InboxDrain}), each applied in the
 * batch's transaction.
 */
@Component
class JourneySignals implements InboxConsumer {

    private final JourneyEngine engine;
    private final JourneyRules rules;

    JourneySignals(JourneyEngine engine, JourneyRules rules) {
        this.engine = engine;
        this.rules = rules;
    }

    @Override
    public void absorb(List<?> events) {
        for (Object event : events) {
            switch (event) {
                case CreatorFollowed e -> on(e);
                case CreatorUnfollowed e -> on(e);
                case RoomCommented e -> on(e);
                case RoomLiked e -> on(e);
                case RoomLeft e -> on(e);
                case FanClubJoined e -> on(e);
                case OrderPaid e -> on(e);
                case RefundPaid e -> on(e);
                case OrderCancelled e -> on(e);
                case ArbitrationRuled e -> on(e);
                case OrderCompleted e -> on(e);
                case ReviewPosted e -> on(e);
                default -> { }
            }
        }
    }

    private void on(CreatorFollowed followed) {
        engine.followed(followed.viewerId(), followed.creatorId(), followed.source().name(), followed.at(), "CreatorFollowed@" + followed.at());
    }

    private void on(CreatorUnfollowed unfollowed) {
        engine.unfollowed(unfollowed.viewerId(), unfollowed.creatorId(), unfollowed.at(), "CreatorUnfollowed@" + unfollowed.at());
    }

    private void on(RoomCommented commented) {
        engine.interacted(commented.authorId(), commented.creatorId(), 1, commented.at(), "RoomCommented:" + commented.commentId());
    }

    /** Likes of one interval are one point however many there were: a burst counts once. */
    private void on(RoomLiked liked) {
        engine.interacted(liked.viewerId(), liked.creatorId(), 1, liked.at(), "RoomLiked:" + liked.liveSessionId() + "@" + liked.intervalStart());
    }

    private void on(RoomLeft left) {
        if (left.watchedSeconds() >= rules.engagingWatchSeconds()) {
            engine.interacted(left.viewerId(), left.creatorId(), 1, left.at(), "RoomLeft:" + left.liveSessionId() + "@" + left.enteredAt());
        }
    }

    private void on(FanClubJoined joined) {
        engine.interacted(joined.viewerId(), joined.creatorId(), 1, joined.at(), "FanClubJoined");
    }

    private void on(OrderPaid paid) {
        Attribution who = paid.attribution();
        if (who.creatorId() != null) {
            engine.paid(paid.orderId(), who.buyerId(), who.creatorId(), who.merchantId(), "PURCHASE", paid.at(),
                    "OrderPaid:" + paid.orderId());
        }
    }

    private void on(RefundPaid refund) {
        if (refund.attribution().creatorId() != null) {
            engine.refunded(refund.orderId(), refund.attribution().buyerId(), refund.attribution().creatorId(),
                    refund.orderFullyRefunded(), refund.reason().qualityRelated(), refund.at(), "RefundPaid:" + refund.refundId());
        }
    }

    /** A paid order cancelled before shipment went back to the buyer in full. */
    private void on(OrderCancelled cancelled) {
        Attribution who = cancelled.attribution();
        if (who.creatorId() != null && cancelled.refunded() > 0) {
            engine.refunded(cancelled.orderId(), who.buyerId(), who.creatorId(), true, false, cancelled.at(),
                    "OrderCancelled:" + cancelled.orderId());
        }
    }

    /** A quality-related ruling already moved the journey back through its refund; other lost rulings do here. */
    private void on(ArbitrationRuled ruled) {
        if (ruled.attribution().creatorId() != null && ruled.outcome() != Ruling.Outcome.MERCHANT
                && !ruled.reason().qualityRelated()) {
            engine.arbitrationLost(ruled.orderId(), ruled.attribution().buyerId(), ruled.attribution().creatorId(), ruled.at(),
                    "ArbitrationRuled:" + ruled.refundId());
        }
    }

    private void on(OrderCompleted completed) {
        if (completed.attribution().creatorId() != null) {
            engine.kept(completed.orderId(), completed.attribution().buyerId(), completed.attribution().creatorId(), completed.at(),
                    "OrderCompleted:" + completed.orderId());
        }
    }

    private void on(ReviewPosted review) {
        if (review.creatorId() != null) {
            engine.reviewed(review.orderId(), review.buyerId(), review.creatorId(), review.rating(), review.at(), "ReviewPosted:" + review.reviewId());
        }
    }
}
