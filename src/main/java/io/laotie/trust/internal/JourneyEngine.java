package io.laotie.trust.internal;

import io.laotie.platform.Ids;
import io.laotie.trust.FanJourneyAdvanced;
import io.laotie.trust.FanJourneyRegressed;
import io.laotie.trust.JourneyStage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.laotie.trust.JourneyStage.CONVERTED;
import static io.laotie.trust.JourneyStage.ENGAGED;
import static io.laotie.trust.JourneyStage.FOLLOWED;
import static io.laotie.trust.JourneyStage.REPURCHASING;
import static io.laotie.trust.JourneyStage.TRUSTING;

/**
 * Moves fan journeys by the rules of docs/trust-journeys.md. Each method is one signal, applied in one transaction
 * with the journey's row locked, so signals of the same viewer and creator arriving together apply one after the
 * other. Signals of the creator, the merchant or accounts linked to them are ignored ({@link Integrity#counts}).
 * Applying the same signal twice changes nothing the second time where the signal carries an identity (orders).
 */
@Component
public class JourneyEngine {

    /** The journey's row as the rules need it. */
    private record Journey(long id, long viewerId, long creatorId, @Nullable JourneyStage stage, boolean following) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Integrity integrity;
    private final JourneyRules rules;
    private final ZoneId zone;
    private final ApplicationEventPublisher events;

    JourneyEngine(JdbcClient jdbc, Ids ids, Integrity integrity, JourneyRules rules, ZoneId zone,
                  ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.integrity = integrity;
        this.rules = rules;
        this.zone = zone;
        this.events = events;
    }

    @Transactional
    public void followed(long viewerId, long creatorId, String source, Instant at, String signal) {
        if (!integrity.counts(viewerId, List.of(creatorId)) || !first(viewerId, creatorId, signal) || !followNews(viewerId, creatorId, at)) {
            return;
        }
        Journey journey = lockOrStart(viewerId, creatorId, source, at);
        jdbc.sql("update fan_journeys set following = true, followed_at = coalesce(followed_at, ?) where id = ?")
                .params(Timestamp.from(at), journey.id()).update();
        journey = new Journey(journey.id(), viewerId, creatorId, journey.stage(), true);
        if (journey.stage() == null) {
            journey = move(journey, FOLLOWED, at, signal);
        }
        engageIfDue(journey, at, signal);
    }

    @Transactional
    public void unfollowed(long viewerId, long creatorId, Instant at, String signal) {
        if (!first(viewerId, creatorId, signal) || !followNews(viewerId, creatorId, at)) {
            return;
        }
        lock(viewerId, creatorId).ifPresent(journey -> {
            jdbc.sql("update fan_journeys set following = false where id = ?").param(journey.id()).update();
            if (journey.stage() == FOLLOWED) {
                move(journey, null, at, signal);
            }
        });
    }

    /** An interaction worth {@code points} (before the daily cap) with the creator. */
    @Transactional
    public void interacted(long viewerId, long creatorId, int points, Instant at, String signal) {
        if (points <= 0 || viewerId == creatorId || !integrity.counts(viewerId, List.of(creatorId)) || !first(viewerId, creatorId, signal)) {
            return;
        }
        java.sql.Date day = java.sql.Date.valueOf(LocalDate.ofInstant(at, zone));
        jdbc.sql("insert into fan_engagement_days (creator_id, viewer_id, on_day, points) values (?, ?, ?, 0) on conflict do nothing")
                .params(creatorId, viewerId, day).update();
        jdbc.sql("update fan_engagement_days set points = least(points + ?, ?) where creator_id = ? and viewer_id = ? and on_day = ?")
                .params(points, rules.dailyPointsCap(), creatorId, viewerId, day).update();
        lock(viewerId, creatorId).ifPresent(journey -> engageIfDue(journey, at, signal));
    }

    /** A paid order attributed to the creator. */
    @Transactional
    public void paid(long orderId, long buyerId, long creatorId, long merchantId, String source, Instant at, String signal) {
        if (!integrity.counts(buyerId, List.of(creatorId, merchantId)) || !first(buyerId, creatorId, signal)) {
            return;
        }
        record Earlier(boolean refunded, boolean trustSign) {
        }
        Optional<Earlier> earlier = jdbc.sql("""
                        select refunded, trust_sign and not quality_refund from fan_journey_orders where order_id = ?""")
                .param(orderId).query((rs, n) -> new Earlier(rs.getBoolean(1), rs.getBoolean(2))).optional();
        if (earlier.map(Earlier::refunded).orElse(false)) {
            return; // refunded in full before its payment was heard: it counts nowhere
        }
        Journey journey = lockOrStart(buyerId, creatorId, source, at);
        java.sql.Date day = java.sql.Date.valueOf(LocalDate.ofInstant(at, zone));
        if (earlier.isPresent()) {
            jdbc.sql("update fan_journey_orders set journey_id = ?, paid_day = ? where order_id = ?")
                    .params(journey.id(), day, orderId).update();
        } else {
            jdbc.sql("insert into fan_journey_orders (order_id, journey_id, paid_day, refunded) values (?, ?, ?, false)")
                    .params(orderId, journey.id(), day).update();
        }
        if (journey.stage() == null || !journey.stage().atLeast(CONVERTED)) {
            journey = move(journey, CONVERTED, at, signal);
        }
        if (journey.stage() == CONVERTED && earlier.map(Earlier::trustSign).orElse(false)) {
            journey = move(journey, TRUSTING, at, signal); // kept or praised before the payment was heard
        }
        if (!journey.stage().atLeast(REPURCHASING) && paidDays(journey.id()) >= 2) {
            if (!journey.stage().atLeast(TRUSTING)) {
                journey = move(journey, TRUSTING, at, signal);
            }
            move(journey, REPURCHASING, at, signal);
        }
    }

    /** Money of an attributed order went back: fully or not, for a quality-related reason or not. */
    @Transactional
    public void refunded(long orderId, long buyerId, long creatorId, boolean fully, boolean qualityRelated, Instant at,
                         String signal) {
        if (!first(buyerId, creatorId, signal)) {
            return;
        }
        boolean refundedBefore = jdbc.sql("select refunded from fan_journey_orders where order_id = ?").param(orderId)
                .query(Boolean.class).optional().orElse(false);
        if (refundedBefore) {
            return; // nothing of the order counted any more
        }
        int marked = jdbc.sql("""
                        update fan_journey_orders set refunded = (refunded or ?), quality_refund = (quality_refund or ?)
                         where order_id = ?""")
                .params(fully, qualityRelated, orderId).update();
        if (marked == 0) { // heard before the payment (or the buyer does not count): remember it for the payment
            jdbc.sql("insert into fan_journey_orders (order_id, journey_id, paid_day, refunded, quality_refund) values (?, null, null, ?, ?)")
                    .params(orderId, fully, qualityRelated).update();
            return;
        }
        journeyOf(orderId).ifPresent(journey -> {
            if (journey.stage() == null || !journey.stage().atLeast(CONVERTED)) {
                return;
            }
            long kept = jdbc.sql("select count(*) from fan_journey_orders where journey_id = ? and not refunded")
                    .param(journey.id()).query(Long.class).single();
            if (kept == 0) {
                move(journey, stageWithoutPurchases(journey), at, signal);
            } else if (qualityRelated) {
                backOne(journey, at, signal);
            }
        });
    }

    /** An arbitration the merchant lost, for a reason that is not about quality (those regress through the refund). */
    @Transactional
    public void arbitrationLost(long orderId, long buyerId, long creatorId, Instant at, String signal) {
        if (first(buyerId, creatorId, signal)) {
            journeyOf(orderId).ifPresent(journey -> backOne(journey, at, signal));
        }
    }

    /** The order's after-sales window closed; kept without a quality-related refund, it is a sign of trust. */
    @Transactional
    public void kept(long orderId, long buyerId, long creatorId, Instant at, String signal) {
        if (!first(buyerId, creatorId, signal)) {
            return;
        }
        Optional<Journey> journey = journeyOf(orderId);
        if (journey.isEmpty()) {
            rememberTrustSign(orderId);
            return;
        }
        boolean clean = jdbc.sql("select not refunded and not quality_refund from fan_journey_orders where order_id = ?")
                .param(orderId).query(Boolean.class).single();
        if (clean && journey.get().stage() == CONVERTED) {
            move(journey.get(), TRUSTING, at, signal);
        }
    }

    /** A sign of trust heard before the order's payment: the payment, when heard, applies it. */
    private void rememberTrustSign(long orderId) {
        jdbc.sql("""
                        insert into fan_journey_orders (order_id, journey_id, paid_day, refunded, trust_sign)
                        values (?, null, null, false, true) on conflict do nothing""")
                .param(orderId).update();
        jdbc.sql("update fan_journey_orders set trust_sign = true where order_id = ? and journey_id is null").param(orderId).update();
    }

    /** A review of goods of an attributed order; 4 or 5 stars is a sign of trust. */
    @Transactional
    public void reviewed(long orderId, long buyerId, long creatorId, int rating, Instant at, String signal) {
        if (rating < 4 || !first(buyerId, creatorId, signal)) {
            return;
        }
        Optional<Journey> journey = journeyOf(orderId);
        if (journey.isEmpty()) {
            rememberTrustSign(orderId);
        } else if (journey.get().viewerId() == buyerId && journey.get().stage() == CONVERTED) {
            move(journey.get(), TRUSTING, at, signal);
        }
    }

    /**
     * Locks the pair (every signal of one viewer and creator takes this lock first, so they apply one after the other,
     * even before the pair has a journey) and answers whether this signal is new; a signal delivered again is not.
     */
    private boolean first(long viewerId, long creatorId, String signal) {
        jdbc.sql("insert into fan_pairs (creator_id, viewer_id) values (?, ?) on conflict do nothing").params(creatorId, viewerId).update();
        jdbc.sql("select creator_id from fan_pairs where creator_id = ? and viewer_id = ? for update").params(creatorId, viewerId)
                .query(Long.class).single();
        return jdbc.sql("insert into fan_signals (creator_id, viewer_id, signal) values (?, ?, ?) on conflict do nothing")
                .params(creatorId, viewerId, signal).update() == 1;
    }

    /** Whether a follow or unfollow at {@code at} is newer than the last one applied; if so it becomes the last. */
    private boolean followNews(long viewerId, long creatorId, Instant at) {
        return jdbc.sql("""
                        update fan_pairs set follow_changed_at = ? where creator_id = ? and viewer_id = ?
                           and (follow_changed_at is null or follow_changed_at <= ?)""")
                .params(Timestamp.from(at), creatorId, viewerId, Timestamp.from(at)).update() == 1;
    }

    private void engageIfDue(Journey journey, Instant at, String cause) {
        if (journey.stage() != FOLLOWED || !journey.following()) {
            return;
        }
        if (engagedDays(journey.viewerId(), journey.creatorId()) >= rules.engagedDays()) {
            move(journey, ENGAGED, at, cause);
        }
    }

    private long engagedDays(long viewerId, long creatorId) {
        return jdbc.sql("select count(*) from fan_engagement_days where creator_id = ? and viewer_id = ? and points > 0")
                .params(creatorId, viewerId).query(Long.class).single();
    }

    private long paidDays(long journeyId) {
        return jdbc.sql("select count(distinct paid_day) from fan_journey_orders where journey_id = ? and not refunded")
                .param(journeyId).query(Long.class).single();
    }

    /** Where a journey stands with every purchase taken away: what following and interacting alone reach. */
    private @Nullable JourneyStage stageWithoutPurchases(Journey journey) {
        if (!journey.following()) {
            return null;
        }
        return engagedDays(journey.viewerId(), journey.creatorId()) >= rules.engagedDays() ? ENGAGED : FOLLOWED;
    }

    /** A quality refund or a lost arbitration: TRUSTING and REPURCHASING move back one stage. */
    private void backOne(Journey journey, Instant at, String cause) {
        if (journey.stage() == TRUSTING || journey.stage() == REPURCHASING) {
            move(journey, JourneyStage.values()[journey.stage().ordinal() - 1], at, cause);
        }
    }

    private Journey move(Journey journey, @Nullable JourneyStage to, Instant at, String cause) {
        JourneyStage from = journey.stage();
        boolean advanced = to != null && (from == null || to.compareTo(from) > 0);
        String reached = to == null ? "" : ", " + to.name().toLowerCase() + "_at = coalesce(" + to.name().toLowerCase() + "_at, :at)";
        jdbc.sql("update fan_journeys set stage = :stage, updated_at = :at" + reached + " where id = :id")
                .param("stage", to == null ? null : to.name()).param("at", Timestamp.from(at)).param("id", journey.id())
                .update();
        jdbc.sql("insert into fan_journey_steps (id, journey_id, from_stage, to_stage, advanced, cause, at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(ids.next(), journey.id(), from == null ? null : from.name(), to == null ? null : to.name(), advanced,
                        cause, Timestamp.from(at))
                .update();
        if (advanced) {
            events.publishEvent(new FanJourneyAdvanced(journey.id(), journey.viewerId(), journey.creatorId(), from, to, cause, at));
        } else {
            events.publishEvent(new FanJourneyRegressed(journey.id(), journey.viewerId(), journey.creatorId(), from, to, cause, at));
        }
        return new Journey(journey.id(), journey.viewerId(), journey.creatorId(), to, journey.following());
    }

    private Journey lockOrStart(long viewerId, long creatorId, String source, Instant at) {
        Optional<Journey> existing = lock(viewerId, creatorId);
        if (existing.isPresent()) {
            return existing.get();
        }
        jdbc.sql("""
                        insert into fan_journeys (id, viewer_id, creator_id, source, first_contact_at, stage, following, updated_at)
                        values (?, ?, ?, ?, ?, null, false, ?) on conflict do nothing""")
                .params(ids.next(), viewerId, creatorId, source, Timestamp.from(at), Timestamp.from(at)).update();
        return lock(viewerId, creatorId).orElseThrow();
    }

    private Optional<Journey> lock(long viewerId, long creatorId) {
        return jdbc.sql("""
                        select id, viewer_id, creator_id, stage, following from fan_journeys
                         where creator_id = ? and viewer_id = ? for update""")
                .params(creatorId, viewerId).query(JourneyEngine::journey).optional();
    }

    private Optional<Journey> journeyOf(long orderId) {
        return jdbc.sql("select journey_id from fan_journey_orders where order_id = ? and journey_id is not null").param(orderId)
                .query(Long.class)
                .optional()
                .flatMap(journeyId -> jdbc.sql("""
                                select id, viewer_id, creator_id, stage, following from fan_journeys where id = ? for update""")
                        .param(journeyId).query(JourneyEngine::journey).optional());
    }

    private static Journey journey(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String stage = rs.getString("stage");
        return new Journey(rs.getLong("id"), rs.getLong("viewer_id"), rs.getLong("creator_id"),
                stage == null ? null : JourneyStage.valueOf(stage), rs.getBoolean("following"));
    }

}
