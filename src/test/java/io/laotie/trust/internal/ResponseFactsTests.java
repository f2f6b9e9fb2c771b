package io.laotie.trust.internal;

import io.laotie.order.Actor;
import io.laotie.order.Attribution;
import io.laotie.order.OrderPaid;
import io.laotie.order.OrderPlaced;
import io.laotie.order.RefundDecided;
import io.laotie.order.RefundKind;
import io.laotie.order.RefundPaid;
import io.laotie.order.RefundReason;
import io.laotie.order.RefundRequested;
import io.laotie.order.RefundStage;
import io.laotie.platform.Ids;
import io.laotie.support.Api;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service dimension's response time measures the merchant's answers only. A refund the platform approves the
 * moment it is asked (before shipment, or under a trust guarantee) is nobody's answer: it adds no response, in
 * whichever order the listeners hear the request and the decision (the order module publishes both in one
 * transaction, and the trust threads may take them up in either order).
 */
@LaotieTest
class ResponseFactsTests {

    @Autowired Api api;
    @Autowired JdbcClient jdbc;
    @Autowired Ids ids;
    @Autowired Intakes intakes;

    @Test
    void onlyTheMerchantsAnswersAreResponses() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ScoreIntake intake = intakes.at(now);
        Api.Merchant merchant = api.merchant("resp_m");
        long buyer = Long.parseLong(api.user("resp_b").id());
        Attribution a = new Attribution(buyer, Long.parseLong(merchant.shopId()), Long.parseLong(merchant.user().id()), null, null);
        Instant paid = now.minus(Duration.ofDays(2));

        long decidedFirst = paid(intake, a, paid);
        long refund = ids.next();
        intake.absorb(List.of(atOnce(refund, decidedFirst, a, paid.plusSeconds(60))));
        intake.absorb(List.of(requested(refund, decidedFirst, a, RefundStage.BEFORE_SHIPMENT, paid.plusSeconds(60)),
                new RefundPaid(refund, decidedFirst, a, 3990, RefundReason.NO_REASON, RefundKind.REFUND_ONLY, false, paid.plusSeconds(61))));

        long requestedFirst = paid(intake, a, paid);
        refund = ids.next();
        intake.absorb(List.of(requested(refund, requestedFirst, a, RefundStage.BEFORE_SHIPMENT, paid.plusSeconds(60))));
        intake.absorb(List.of(atOnce(refund, requestedFirst, a, paid.plusSeconds(60))));

        long answered = paid(intake, a, paid);
        refund = ids.next();
        intake.absorb(List.of(requested(refund, answered, a, RefundStage.AFTER_DELIVERY, paid.plus(Duration.ofDays(1)))));
        intake.absorb(List.of(new RefundDecided(refund, answered, a, true, Actor.MERCHANT, false, null, RefundReason.QUALITY,
                paid.plus(Duration.ofDays(1)).plus(Duration.ofHours(3)))));

        List<Long> responded = jdbc.sql("select order_id from score_facts where kind = 'RESPONSE' and shop_id = ?")
                .param(a.shopId()).query(Long.class).list();
        assertThat(responded).containsExactly(answered);
        assertThat(jdbc.sql("select fact_value from score_facts where kind = 'RESPONSE' and order_id = ?").param(answered)
                .query(Long.class).single()).isEqualTo(180L);
    }

    private long paid(ScoreIntake intake, Attribution a, Instant at) {
        long orderId = ids.next();
        intake.absorb(List.of(new OrderPaid(orderId, a, List.of(new OrderPlaced.Line(ids.next(), ids.next(), ids.next(), "柿饼", 1, 3990, null)),
                3990, at)));
        return orderId;
    }

    private static RefundRequested requested(long refund, long order, Attribution a, RefundStage stage, Instant at) {
        return new RefundRequested(refund, order, a, RefundKind.REFUND_ONLY, stage, 3990,
                stage == RefundStage.BEFORE_SHIPMENT ? RefundReason.NO_REASON : RefundReason.QUALITY, at);
    }

    private static RefundDecided atOnce(long refund, long order, Attribution a, Instant at) {
        return new RefundDecided(refund, order, a, true, Actor.SYSTEM, true, null, RefundReason.NO_REASON, at);
    }
}
