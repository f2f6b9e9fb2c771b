package io.laotie.trust;

import io.laotie.platform.Ids;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static io.laotie.trust.TrustWorld.require;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A creator selling its own shop's goods in its live room: its reputation and the shop's experience react to
 * deliveries, a quality refund, a one-star review, an upheld complaint and a lost arbitration, as docs/trust-scores.md
 * says; the shop's owner sees the orders behind the weak points; who may read what.
 */
@LaotieTest
class ScoreApiTests {

    @Autowired Api api;
    @Autowired Ids ids;

    @Test
    void scoresReactToDeliveriesRefundsReviewsComplaintsAndRulings() {
        TrustWorld room = new TrustWorld(api);
        String creatorPath = "/api/creators/" + room.creator.id() + "/trust";
        String shopPath = "/api/shops/" + room.shopId + "/experience";

        User buyer = room.buyer();
        String first = room.delivered(buyer);
        Eventually.until("the delivery counts for the shop", () ->
                component(dimension(get(shopPath), "logistics"), "deliveryTime").path("evidence").asDouble() > 0);
        JsonNode reputation = get(creatorPath).path("reputation");
        assertThat(reputation.path("label").asString()).isEqualTo("NEW");
        assertThat(component(reputation, "qualityRefunds").path("evidence").asDouble()).isEqualTo(0.25); // a week-old account weighs ¼
        assertThat(component(dimension(get(shopPath), "logistics"), "shippedOnTime").path("value").asDouble()).isGreaterThanOrEqualTo(4.5);

        // a quality refund lowers both the creator's and the shop's quality-refund components; the response is timed
        double refundsBefore = component(reputation, "qualityRefunds").path("value").asDouble();
        String refund = require(api.post("/api/orders/" + first + "/refund-requests", buyer, Map.of("kind", "REFUND_ONLY",
                "amount", 1000, "reason", "QUALITY", "text", "有霉点", "photoUrls", List.of("https://example.com/mould.jpg"))), 201).id();
        require(api.post("/api/refund-requests/" + refund + "/approval", room.creator, null), 200);
        Eventually.until("the quality refund counts", () ->
                component(get(creatorPath).path("reputation"), "qualityRefunds").path("value").asDouble() < refundsBefore);
        Eventually.until("the response counts", () ->
                component(dimension(get(shopPath), "service"), "responseTime").path("evidence").asDouble() > 0);
        JsonNode weak = require(api.get(shopPath + "/orders?dimension=product", room.creator), 200).body();
        assertThat(weak.path("items").get(0).path("orderId").asString()).isEqualTo(first);
        assertThat(weak.path("items").get(0).path("reason").asString()).isEqualTo("QUALITY_REFUND");

        // a one-star review lowers ratings and the negative-review rate
        double ratingsBefore = component(get(creatorPath).path("reputation"), "ratings").path("value").asDouble();
        String line = api.get("/api/orders/" + first, buyer).body().path("lines").get(0).path("id").asString();
        require(api.post("/api/orders/" + first + "/reviews", buyer, Map.of("lines", List.of(Map.of("orderLineId", line,
                "rating", 1, "text", "柿饼发霉了", "tags", List.of("NOT_FRESH"))))), 201);
        Eventually.until("the review counts", () ->
                component(get(creatorPath).path("reputation"), "ratings").path("value").asDouble() < ratingsBefore);
        assertThat(component(get(creatorPath).path("reputation"), "negativeReviews").path("value").asDouble()).isLessThan(5.0);
        assertThat(component(get("/api/products/" + room.productId + "/experience"), "ratings").path("value").asDouble())
                .isLessThan(ratingsBefore);

        // an upheld complaint lowers the creator's complaints component; a dismissed one changes nothing
        double complaintsBefore = component(get(creatorPath).path("reputation"), "complaints").path("value").asDouble();
        for (boolean upheld : List.of(false, true)) {
            String complaint = require(api.post("/api/complaints", buyer, Map.of("creatorId", room.creator.id(),
                    "text", "直播间里说是特级，收到的是普通货")), 201).id();
            require(api.post("/api/complaints/" + complaint + "/ruling", api.operator(), Map.of("upheld", upheld)), 200);
        }
        Eventually.until("the upheld complaint counts", () ->
                component(get(creatorPath).path("reputation"), "complaints").path("value").asDouble() < complaintsBefore);

        // an arbitration lost over counterfeit goods
        double counterfeitBefore = component(dimension(get(shopPath), "product"), "counterfeit").path("value").asDouble();
        double arbitrationsBefore = component(get(creatorPath).path("reputation"), "arbitrations").path("value").asDouble();
        User second = room.buyer();
        String order = room.delivered(second);
        String disputed = require(api.post("/api/orders/" + order + "/refund-requests", second, Map.of("kind", "REFUND_ONLY",
                "amount", 1000, "reason", "COUNTERFEIT", "text", "不是富平柿饼", "photoUrls", List.of("https://example.com/fake.jpg"))), 201).id();
        require(api.post("/api/refund-requests/" + disputed + "/rejection", room.creator, Map.of("reason", "正品")), 200);
        require(api.post("/api/refund-requests/" + disputed + "/escalation", second, null), 200);
        require(api.post("/api/refund-requests/" + disputed + "/arbitration", api.operator(),
                Map.of("outcome", "BUYER", "fault", "MERCHANT", "counterfeit", true)), 200);
        Eventually.until("the ruling counts", () ->
                component(dimension(get(shopPath), "product"), "counterfeit").path("value").asDouble() < counterfeitBefore
                        && component(get(creatorPath).path("reputation"), "arbitrations").path("value").asDouble() < arbitrationsBefore);
        JsonNode service = require(api.get(shopPath + "/orders?dimension=service", api.operator()), 200).body();
        assertThat(service.path("items").findValuesAsString("reason")).contains("ARBITRATION_LOST");
    }

    @Test
    void scoresArePublicWhileWeakOrdersFlagsAndDistributionsAreNot() {
        TrustWorld room = new TrustWorld(api);
        String shopPath = "/api/shops/" + room.shopId + "/experience";
        JsonNode creator = require(api.get("/api/creators/" + room.creator.id() + "/trust", null), 200).body();
        assertThat(creator.path("reputation").path("label").asString()).isEqualTo("NEW");
        assertThat(creator.path("reputation").path("components").size()).isEqualTo(6);
        JsonNode shop = require(api.get(shopPath, null), 200).body();
        assertThat(shop.path("dimensions").valueStream().map(d -> d.path("name").asString()).toList())
                .containsExactly("product", "logistics", "service");
        assertThat(shop.path("guarantees").isArray()).isTrue();
        assertThat(api.get("/api/creators/" + ids.next() + "/trust", null).status()).isEqualTo(404);
        assertThat(api.get("/api/shops/" + ids.next() + "/experience", null).status()).isEqualTo(404);
        assertThat(api.get("/api/products/" + ids.next() + "/experience", null).status()).isEqualTo(404);

        assertThat(api.get(shopPath + "/orders?dimension=logistics", null).status()).isEqualTo(401);
        assertThat(api.get(shopPath + "/orders?dimension=logistics", api.user("stranger")).status()).isEqualTo(404);
        assertThat(api.get(shopPath + "/orders?dimension=logistics", room.creator).status()).isEqualTo(200);
        assertThat(api.get(shopPath + "/orders?dimension=speed", room.creator).status()).isEqualTo(400);

        User viewer = api.user("curious");
        assertThat(api.get("/api/operator/trust/flags", viewer).status()).isEqualTo(403);
        assertThat(api.get("/api/operator/trust/distributions", viewer).status()).isEqualTo(403);
        assertThat(api.post("/api/operator/trust/flags/" + ids.next() + "/clearance", viewer, null).status()).isEqualTo(403);
        User operator = api.operator();
        assertThat(api.post("/api/operator/trust/flags/" + ids.next() + "/clearance", operator, null).status()).isEqualTo(404);
        assertThat(api.get("/api/operator/trust/flags?page=-1", operator).status()).isEqualTo(400);
        JsonNode distributions = require(api.get("/api/operator/trust/distributions", operator), 200).body();
        assertThat(distributions.findValuesAsString("kind")).containsExactly("CREATOR", "SHOP", "PRODUCT");
    }

    private JsonNode get(String path) {
        return require(api.get(path, null), 200).body();
    }

    private static JsonNode dimension(JsonNode experience, String name) {
        for (JsonNode d : experience.path("dimensions")) {
            if (d.path("name").asString().equals(name)) {
                return d;
            }
        }
        throw new AssertionError("no dimension " + name);
    }

    private static JsonNode component(JsonNode score, String name) {
        for (JsonNode c : score.path("components")) {
            if (c.path("name").asString().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no component " + name + " in " + score);
    }
}
