package io.laotie.trust;

import io.laotie.platform.PlatformClock;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.laotie.trust.TrustWorld.require;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole chain with nothing simulated: real orders, deliveries and reviews raise a shop's experience score to the
 * guarantee threshold, the shop gains the trust guarantees (信任购); quality refunds pull it down and it loses them.
 */
@LaotieTest
class EarnedGuaranteeTests {

    @Autowired Api api;
    @Autowired PlatformClock clock;

    @Test
    void aShopEarnsTheGuaranteesWithGoodServiceAndLosesThemWithQualityRefunds() {
        TrustWorld world = new TrustWorld(api);
        List<User> buyers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            buyers.add(world.buyer());
        }
        clock.advance(Duration.ofDays(8)); // long-standing buyers weigh fully
        String shop = "/api/shops/" + world.shopId;
        List<String> orders = new ArrayList<>();
        for (User buyer : buyers) {
            String order = world.bought(buyer);
            orders.add(order);
            require(api.post("/api/orders/" + order + "/shipment", world.creator, Map.of("carrier", "顺丰", "trackingNumber", "SF" + order)), 200);
        }
        clock.advance(Duration.ofDays(1)); // receipts confirmed the moment goods ship would look like brushing
        for (int i = 0; i < buyers.size(); i++) {
            User buyer = buyers.get(i);
            String order = orders.get(i);
            require(api.post("/api/orders/" + order + "/receipt", buyer, null), 200);
            String line = api.get("/api/orders/" + order, buyer).body().path("lines").get(0).path("id").asString();
            require(api.post("/api/orders/" + order + "/reviews", buyer, Map.of("lines", List.of(Map.of("orderLineId", line,
                    "rating", 5, "text", HonestReviews.TEXTS.get(i), "tags", List.of("AS_DESCRIBED"))))), 201);
        }
        Eventually.until("the shop earns the guarantees", Duration.ofSeconds(30),
                () -> api.get(shop + "/guarantees", null).body().path("guaranteed").asBoolean());
        JsonNode experience = api.get(shop + "/experience", null).body();
        assertThat(experience.path("score").asDouble()).isGreaterThanOrEqualTo(4.5);
        assertThat(experience.path("label").asString()).isEqualTo("EXCELLENT");
        assertThat(experience.path("guarantees").size()).isPositive();

        for (int i = 0; i < 8; i++) {
            String refund = world.refund(buyers.get(i), orders.get(i), "REFUND_ONLY", 1_000, "QUALITY").id();
            require(api.post("/api/refund-requests/" + refund + "/approval", world.creator, null), 200);
        }
        Eventually.until("the shop loses the guarantees", Duration.ofSeconds(30),
                () -> !api.get(shop + "/guarantees", null).body().path("guaranteed").asBoolean());
        assertThat(api.get(shop + "/experience", null).body().path("score").asDouble()).isLessThan(4.5);
        assertThat(api.get(shop + "/experience", null).body().path("guarantees")).isEmpty();
    }
}
