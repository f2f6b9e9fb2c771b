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
import java.util.List;
import java.util.Map;

import static io.laotie.trust.TrustWorld.require;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Manipulation gains nothing in the funnel: two creators get the same honest history, one of them also gets follows,
 * comments, like bursts and purchases from accounts linked to the creator; their funnels are the same.
 */
@LaotieTest
class JourneyManipulationTests {

    @Autowired Api api;
    @Autowired PlatformClock clock;

    @Test
    void linkedAccountsAndLikeBurstsLeaveTheFunnelAsIfTheyNeverHappened() {
        TrustWorld clean = new TrustWorld(api);
        TrustWorld gamed = new TrustWorld(api);
        List<User> fans = List.of(clean.buyer(), clean.buyer(), clean.buyer(), clean.buyer());
        User linkedByDevice = clean.buyer();
        User linkedByPhone = clean.buyer();
        logInFrom(gamed.creator, "device-of-" + gamed.creator.handle());
        logInFrom(linkedByDevice, "device-of-" + gamed.creator.handle());
        require(api.post("/api/me/addresses", linkedByPhone, Map.of("recipient", "托", "phone", "13700000042",
                "region", "陕西省西安市", "detail", "别处 1 号", "isDefault", false)), 201);
        require(api.post("/api/me/addresses", gamed.creator, Map.of("recipient", "主播", "phone", "13700000042",
                "region", "陕西省西安市", "detail", "仓库", "isDefault", true)), 201);

        // day 1: the honest history, the same for both creators
        for (TrustWorld world : List.of(clean, gamed)) {
            world.follow(fans.get(0), "ROOM");
            world.follow(fans.get(1), "SEARCH");
            world.follow(fans.get(2), "SEARCH");
            world.comment(fans.get(0), "第一天");
            world.comment(fans.get(1), "第一天");
            world.bought(fans.get(3));
        }
        // and the manipulation, for one of them
        for (User sock : List.of(linkedByDevice, linkedByPhone)) {
            gamed.follow(sock, "SEARCH");
            gamed.comment(sock, "主播好棒");
            gamed.bought(sock);
        }
        for (int burst = 0; burst < 5; burst++) {
            require(api.post("/api/live-sessions/" + gamed.sessionId + "/likes", fans.get(2), Map.of("count", 100)), 200, 202, 204);
        }
        require(api.post("/api/live-sessions/" + clean.sessionId + "/likes", fans.get(2), Map.of("count", 1)), 200, 202, 204);

        clock.advance(Duration.ofDays(1));
        for (TrustWorld world : List.of(clean, gamed)) {
            world.comment(fans.get(0), "第二天");
            world.bought(fans.get(1));
            world.bought(fans.get(3));
        }
        for (User sock : List.of(linkedByDevice, linkedByPhone)) {
            gamed.comment(sock, "又来了");
            gamed.bought(sock);
        }

        Eventually.until("both funnels settle", () -> stages(clean).equals(List.of(3L, 1L, 2L, 1L, 1L))
                && stages(gamed).equals(stages(clean)));
        JsonNode a = funnel(clean);
        JsonNode b = funnel(gamed);
        assertThat(b.path("current")).isEqualTo(a.path("current"));
        for (int i = 0; i < 4; i++) {
            JsonNode ca = a.path("conversions").get(i);
            JsonNode cb = b.path("conversions").get(i);
            assertThat(cb.path("rate")).isEqualTo(ca.path("rate"));
            assertThat(cb.path("medianHours").asDouble()).isCloseTo(ca.path("medianHours").asDouble(),
                    org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(b.path("bySource").size()).isEqualTo(a.path("bySource").size());
        assertThat(api.get("/api/creators/" + gamed.creator.id() + "/journeys", gamed.creator).body().path("total").asLong())
                .isEqualTo(4);
    }

    private void logInFrom(User user, String deviceId) {
        require(api.post("/api/auth/tokens", null, Map.of("handle", user.handle(), "password", "secret-pass-1"),
                Map.of("X-Device-Id", deviceId)), 200, 201);
    }

    private JsonNode funnel(TrustWorld world) {
        return api.get("/api/creators/" + world.creator.id() + "/funnel", world.creator).body();
    }

    private List<Long> stages(TrustWorld world) {
        return funnel(world).path("stages").valueStream().map(s -> s.path("count").asLong()).toList();
    }
}
