package io.laotie.trust;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import io.laotie.trust.internal.JourneyEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.laotie.trust.TrustWorld.require;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events reach the journeys asynchronously: possibly twice (the publication registry redelivers after a crash) and
 * possibly out of order. Each signal applies once, a refund heard before its payment still wins, and an older follow or
 * unfollow loses to a newer one.
 */
@LaotieTest
class JourneyRedeliveryTests {

    @Autowired Api api;
    @Autowired JourneyEngine engine;

    TrustWorld world;
    long creator;
    long merchant;

    @BeforeEach
    void world() {
        world = new TrustWorld(api);
        creator = Long.parseLong(world.creator.id());
        merchant = creator;
    }

    private String stage(User viewer) {
        var journey = api.get("/api/creators/" + world.creator.id() + "/journeys/" + viewer.id(), world.creator);
        return journey.status() == 404 ? "none" : journey.body().path("stage").asString("ENDED");
    }

    private List<String> moves(User viewer) {
        List<String> moves = new ArrayList<>();
        world.journey(viewer).path("steps").forEach(s -> moves.add(s.path("from").asString("-") + "→" + s.path("to").asString("-")));
        return moves;
    }

    @Test
    void aSignalDeliveredTwiceAppliesOnce() {
        User fan = world.buyer();
        long id = Long.parseLong(fan.id());
        Instant now = Instant.now();
        engine.paid(9_000_001L + id, id, creator, merchant, "PURCHASE", now.minusSeconds(86_400 * 2), "OrderPaid:a" + id);
        engine.paid(9_000_002L + id, id, creator, merchant, "PURCHASE", now, "OrderPaid:b" + id);
        engine.paid(9_000_002L + id, id, creator, merchant, "PURCHASE", now, "OrderPaid:b" + id);
        assertThat(stage(fan)).isEqualTo("REPURCHASING");
        for (int delivery = 0; delivery < 2; delivery++) {
            engine.refunded(9_000_002L + id, id, creator, false, true, now, "RefundPaid:q" + id);
        }
        assertThat(stage(fan)).as("one quality refund, one stage back").isEqualTo("TRUSTING");
        assertThat(moves(fan)).containsExactly("-→CONVERTED", "CONVERTED→TRUSTING", "TRUSTING→REPURCHASING", "REPURCHASING→TRUSTING");
    }

    @Test
    void aFullRefundHeardBeforeItsPaymentLeavesNobodyConverted() {
        User fan = world.buyer();
        long id = Long.parseLong(fan.id());
        Instant now = Instant.now();
        engine.refunded(8_000_001L + id, id, creator, true, false, now, "RefundPaid:r" + id);
        engine.paid(8_000_001L + id, id, creator, merchant, "PURCHASE", now.minusSeconds(5), "OrderPaid:r" + id);
        assertThat(stage(fan)).isEqualTo("none");
    }

    @Test
    void aSignOfTrustHeardBeforeItsPaymentIsAppliedWithIt() {
        User fan = world.buyer();
        long id = Long.parseLong(fan.id());
        Instant now = Instant.now();
        engine.kept(7_000_001L + id, id, creator, now, "OrderCompleted:k" + id);
        engine.paid(7_000_001L + id, id, creator, merchant, "PURCHASE", now.minusSeconds(86_400 * 8), "OrderPaid:k" + id);
        assertThat(moves(fan)).containsExactly("-→CONVERTED", "CONVERTED→TRUSTING");
    }

    @Test
    void anOlderFollowLosesToANewerUnfollow() {
        User fan = world.buyer();
        long id = Long.parseLong(fan.id());
        Instant now = Instant.now();
        engine.unfollowed(id, creator, now, "CreatorUnfollowed@late" + id);
        engine.followed(id, creator, "SEARCH", now.minusSeconds(60), "CreatorFollowed@early" + id);
        assertThat(stage(fan)).isEqualTo("none");
        engine.followed(id, creator, "SEARCH", now.plusSeconds(60), "CreatorFollowed@later" + id);
        assertThat(stage(fan)).isEqualTo("FOLLOWED");
    }

    @Test
    void aPaidOrderCancelledByTheMerchantUndoesTheConversion() {
        User fan = world.buyer();
        String order = world.bought(fan);
        Eventually.until("converted", () -> stage(fan).equals("CONVERTED"));
        require(api.post("/api/orders/" + order + "/cancellation", world.creator, null), 200);
        Eventually.until("cancelled", () -> stage(fan).equals("ENDED"));
        assertThat(moves(fan)).containsExactly("-→CONVERTED", "CONVERTED→-");
    }
}
