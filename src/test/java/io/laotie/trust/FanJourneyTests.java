package io.laotie.trust;

import io.laotie.order.OrderDeadlines;
import io.laotie.platform.PlatformClock;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.laotie.trust.TrustWorld.require;
import static org.assertj.core.api.Assertions.assertThat;

/** Walks viewers through every stage of a fan journey and every way back, through the API, as docs/trust-journeys.md says. */
@LaotieTest
class FanJourneyTests {

    @Autowired Api api;
    @Autowired PlatformClock clock;
    @Autowired OrderDeadlines deadlines;

    TrustWorld world;

    @BeforeEach
    void world() {
        world = new TrustWorld(api);
    }

    private String stage(User viewer) {
        var journey = api.get("/api/creators/" + world.creator.id() + "/journeys/" + viewer.id(), world.creator);
        return journey.status() == 404 ? "none" : journey.body().path("stage").asString("ENDED");
    }

    private void awaitStage(User viewer, String expected) {
        Eventually.until(viewer.handle() + " reaches " + expected, () -> stage(viewer).equals(expected));
    }

    private List<String> moves(User viewer) {
        List<String> moves = new ArrayList<>();
        for (JsonNode step : world.journey(viewer).path("steps")) {
            moves.add(step.path("from").asString("-") + "→" + step.path("to").asString("-"));
        }
        return moves;
    }

    @Test
    void aFanWalksEveryStageFromFollowToRepurchase() {
        User fan = world.buyer();
        world.follow(fan, "SEARCH");
        awaitStage(fan, "FOLLOWED");

        world.comment(fan, "柿饼甜吗？");
        world.comment(fan, "第一天第二条");
        clock.advance(Duration.ofSeconds(2));
        assertThat(stage(fan)).as("two comments on one day are one day").isEqualTo("FOLLOWED");
        clock.advance(Duration.ofDays(1));
        world.comment(fan, "第二天又来了");
        awaitStage(fan, "ENGAGED");

        String first = world.delivered(fan);
        awaitStage(fan, "CONVERTED");

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        deadlines.runDue();
        assertThat(world.api.get("/api/orders/" + first, fan).text("status")).isEqualTo("COMPLETED");
        awaitStage(fan, "TRUSTING");

        world.bought(fan);
        awaitStage(fan, "REPURCHASING");

        JsonNode journey = world.journey(fan);
        assertThat(journey.path("source").asString()).isEqualTo("SEARCH");
        assertThat(journey.path("reached")).hasSize(5);
        assertThat(moves(fan)).containsExactly("-→FOLLOWED", "FOLLOWED→ENGAGED", "ENGAGED→CONVERTED", "CONVERTED→TRUSTING",
                "TRUSTING→REPURCHASING");
        assertThat(journey.path("steps").get(2).path("cause").asString()).startsWith("OrderPaid:");
        assertThat(journey.path("steps").get(3).path("cause").asString()).isEqualTo("OrderCompleted:" + first);

        JsonNode funnel = api.get("/api/creators/" + world.creator.id() + "/funnel", world.creator).body();
        for (JsonNode stage : funnel.path("stages")) {
            assertThat(stage.path("count").asLong()).as(stage.path("stage").asString()).isEqualTo(1);
        }
        for (JsonNode conversion : funnel.path("conversions")) {
            assertThat(conversion.path("rate").asDouble()).isEqualTo(1.0);
        }
        assertThat(funnel.path("conversions").get(0).path("medianHours").asDouble()).isGreaterThanOrEqualTo(24.0);
    }

    @Test
    void aFastRepurchaseReachesTrustingAtTheSameTime() {
        User fan = world.buyer();
        world.bought(fan);
        awaitStage(fan, "CONVERTED");
        clock.advance(Duration.ofDays(1));
        world.bought(fan);
        awaitStage(fan, "REPURCHASING");
        assertThat(moves(fan)).containsExactly("-→CONVERTED", "CONVERTED→TRUSTING", "TRUSTING→REPURCHASING");
        assertThat(world.journey(fan).path("source").asString()).as("bought without following").isEqualTo("PURCHASE");
    }

    @Test
    void aFiveStarReviewIsASignOfTrustAndAThreeStarOneIsNot() {
        User happy = world.buyer();
        User lukewarm = world.buyer();
        for (User buyer : List.of(happy, lukewarm)) {
            String order = world.delivered(buyer);
            awaitStage(buyer, "CONVERTED");
            String line = api.get("/api/orders/" + order, buyer).body().path("lines").get(0).path("id").asString();
            require(api.post("/api/orders/" + order + "/reviews", buyer, Map.of("lines", List.of(Map.of("orderLineId", line,
                    "rating", buyer == happy ? 5 : 3, "text", "收到了", "tags", List.of("AS_DESCRIBED"))))), 201);
        }
        awaitStage(happy, "TRUSTING");
        assertThat(world.journey(happy).path("steps").get(1).path("cause").asString()).startsWith("ReviewPosted:");
        assertThat(stage(lukewarm)).isEqualTo("CONVERTED");
    }

    @Test
    void twoOrdersOnOneDayAreNotARepurchase() {
        User fan = world.buyer();
        world.bought(fan);
        world.bought(fan);
        awaitStage(fan, "CONVERTED");
        assertThat(moves(fan)).containsExactly("-→CONVERTED");
    }

    @Test
    void anUnfollowEndsAFollowOnlyJourneyAndAFollowStartsItAgain() {
        User fan = world.buyer();
        world.follow(fan, "CREATOR_PAGE");
        awaitStage(fan, "FOLLOWED");
        world.unfollow(fan);
        awaitStage(fan, "ENDED");
        world.follow(fan, "SEARCH");
        awaitStage(fan, "FOLLOWED");
        assertThat(moves(fan)).containsExactly("-→FOLLOWED", "FOLLOWED→-", "-→FOLLOWED");
        assertThat(world.journey(fan).path("source").asString()).as("the first contact stays").isEqualTo("CREATOR_PAGE");
    }

    @Test
    void aFullRefundOfTheOnlyOrderUndoesTheConversion() {
        User follower = world.buyer();
        world.follow(follower, "SEARCH");
        awaitStage(follower, "FOLLOWED");
        String order = world.bought(follower);
        awaitStage(follower, "CONVERTED");
        world.refund(follower, order, "REFUND_ONLY", TrustWorld.PRICE, "NO_REASON");
        awaitStage(follower, "FOLLOWED");

        User stranger = world.buyer();
        String only = world.bought(stranger);
        awaitStage(stranger, "CONVERTED");
        world.refund(stranger, only, "REFUND_ONLY", TrustWorld.PRICE, "NO_REASON");
        awaitStage(stranger, "ENDED");
        assertThat(moves(stranger)).containsExactly("-→CONVERTED", "CONVERTED→-");
    }

    @Test
    void aQualityRefundAndALostArbitrationEachMoveTrustBackOneStage() {
        User fan = world.buyer();
        String first = world.delivered(fan);
        clock.advance(Duration.ofDays(7).plusMinutes(1));
        deadlines.runDue();
        awaitStage(fan, "TRUSTING");
        String second = world.delivered(fan);
        awaitStage(fan, "REPURCHASING");

        String quality = world.refund(fan, second, "REFUND_ONLY", 500, "DAMAGED_OR_SPOILED").id();
        require(api.post("/api/refund-requests/" + quality + "/approval", world.creator, null), 200);
        awaitStage(fan, "TRUSTING");

        String missing = world.refund(fan, second, "REFUND_ONLY", 300, "MISSING_ITEM").id();
        require(api.post("/api/refund-requests/" + missing + "/rejection", world.creator, Map.of("reason", "都发了")), 200);
        require(api.post("/api/refund-requests/" + missing + "/escalation", fan, null), 200);
        require(api.post("/api/refund-requests/" + missing + "/arbitration", api.operator(),
                Map.of("outcome", "BUYER", "fault", "MERCHANT", "counterfeit", false)), 200);
        awaitStage(fan, "CONVERTED");
        assertThat(moves(fan)).containsExactly("-→CONVERTED", "CONVERTED→TRUSTING", "TRUSTING→REPURCHASING",
                "REPURCHASING→TRUSTING", "TRUSTING→CONVERTED");
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void signalsOfTheCreatorAndOfLinkedAccountsMoveNothing() {
        User sock = world.buyer();
        // a "sock puppet" sharing the creator's phone number: linked
        require(api.post("/api/me/addresses", world.creator, Map.of("recipient", "主播", "phone", phoneOf(sock),
                "region", "陕西省西安市", "detail", "仓库", "isDefault", true)), 201);
        world.follow(sock, "SEARCH");
        world.bought(sock);
        User honest = world.buyer();
        world.bought(honest);
        awaitStage(honest, "CONVERTED");
        assertThat(stage(sock)).isEqualTo("none");
    }

    private String phoneOf(User user) {
        return api.get("/api/me/addresses", user).body().get(0).path("phone").asString();
    }

    @Test
    void onlyTheCreatorAndOperatorsSeeJourneysAndFunnels() {
        User fan = world.buyer();
        world.bought(fan);
        awaitStage(fan, "CONVERTED");
        String base = "/api/creators/" + world.creator.id();
        User other = world.buyer();
        for (String path : List.of(base + "/funnel", base + "/journeys", base + "/journeys/" + fan.id())) {
            assertThat(api.get(path, other).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
            assertThat(api.get(path, api.operator()).status()).as(path).isEqualTo(200);
        }
        assertThat(api.get("/api/me/journeys", fan).body().path("items").get(0).path("creatorId").asString())
                .isEqualTo(world.creator.id());
        assertThat(api.get(base + "/journeys/" + fan.id(), fan).status()).as("a fan sees their own").isEqualTo(200);
        assertThat(api.get(base + "/funnel?from=2026-02-01&to=2026-01-01", world.creator).status()).isEqualTo(400);
        assertThat(api.get(base + "/funnel?source=TV", world.creator).status()).isEqualTo(400);
        assertThat(api.get(base + "/journeys?stage=NOPE", world.creator).status()).isEqualTo(400);
        assertThat(api.get("/api/creators/1/funnel", world.creator).status()).isEqualTo(404);
    }
}
