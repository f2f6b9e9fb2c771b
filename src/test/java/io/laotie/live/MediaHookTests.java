package io.laotie.live;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import io.laotie.support.RoomClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.laotie.live.LiveFixture.require;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The media server's hooks as nginx-rtmp calls them (form-encoded POSTs with {@code ?secret=}), without a media
 * server: which session a publish puts on air, where it is relayed, interruptions, reconnects and the grace.
 */
@LaotieTest
class MediaHookTests {

    @Autowired Api api;
    @Autowired MockMvc mvc;
    @Autowired MediaProperties media;
    @Autowired LiveSessions sessions;
    @Autowired Clock clock; // the platform's, which other tests may have moved ahead
    @LocalServerPort int port;

    @Test
    void hooksWithoutTheRightSecretAreRefusedAndChangeNothing() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        String key = keyOf(live.creator);

        for (String secret : new String[]{null, "", "wrong-secret", media.getHookSecret() + "x"}) {
            for (String hook : List.of("publish", "publish-done")) {
                MvcResult refused = hook(hook, secret, key);
                assertThat(refused.getResponse().getStatus()).as("%s with secret %s", hook, secret).isEqualTo(401);
                assertThat(refused.getResponse().getContentAsString()).contains("urn:laotie:problem:unauthenticated");
            }
        }
        assertThat(status(live.sessionId)).isEqualTo("SCHEDULED");
    }

    @Test
    void aHookWithoutAStreamNameIsAValidationProblem() throws Exception {
        MvcResult refused = hook("publish", media.getHookSecret(), null);
        assertThat(refused.getResponse().getStatus()).isEqualTo(400);
        assertThat(refused.getResponse().getContentAsString()).contains("urn:laotie:problem:validation").contains("name");
    }

    @Test
    void aWrongKeyIsRefusedAndChangesNothing() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        keyOf(live.creator);

        MvcResult refused = hook("publish", media.getHookSecret(), "not-a-key-anybody-holds");

        assertThat(refused.getResponse().getStatus()).isEqualTo(403);
        assertThat(refused.getResponse().getHeader("Location")).isNull();
        assertThat(hook("publish-done", media.getHookSecret(), "not-a-key-anybody-holds").getResponse().getStatus()).isEqualTo(403);
        assertThat(status(live.sessionId)).isEqualTo("SCHEDULED");
    }

    @Test
    void aPublishStartsTheNextScheduledSessionAndRelaysItUnderTheSessionsPublicName() throws Exception {
        LiveFixture live = new LiveFixture(api, false); // scheduled for now
        String later = require(api.post("/api/live-sessions", live.creator, Map.of("title", "明晚再播",
                "scheduledAt", OffsetDateTime.now(clock).plusDays(1).toString())), 201).id();
        String key = keyOf(live.creator);

        MvcResult answer = hook("publish", media.getHookSecret(), key);

        assertThat(answer.getResponse().getStatus()).isEqualTo(302);
        assertThat(answer.getResponse().getHeader("Location")).isEqualTo(media.getRelayBaseUrl() + "/" + live.sessionId);
        JsonNode session = api.get("/api/live-sessions/" + live.sessionId, null).body();
        assertThat(session.path("status").asString()).isEqualTo("LIVE");
        assertThat(session.path("playbackUrl").asString()).isEqualTo(media.getPlaybackBaseUrl() + "/" + live.sessionId + ".m3u8");
        assertThat(status(later)).isEqualTo("SCHEDULED");
    }

    @Test
    void aPublishWithNothingScheduledMakesANewSessionAndStartsIt() throws Exception {
        User creator = api.user("obs", null);
        require(api.post("/api/creators", creator, Map.of("displayName", "源头老李", "bio", "")), 201);

        MvcResult answer = hook("publish", media.getHookSecret(), keyOf(creator));

        JsonNode mine = api.get("/api/live-sessions?creatorId=" + creator.id(), null).body().path("items");
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("status").asString()).isEqualTo("LIVE");
        assertThat(mine.get(0).path("title").asString()).contains("源头老李");
        assertThat(answer.getResponse().getHeader("Location")).isEqualTo(media.getRelayBaseUrl() + "/" + mine.get(0).path("id").asString());
    }

    @Test
    void aPublishJoinsTheSessionTheCreatorStartedWithoutAStream() throws Exception {
        LiveFixture live = new LiveFixture(api, true);

        MvcResult answer = hook("publish", media.getHookSecret(), keyOf(live.creator));

        assertThat(answer.getResponse().getHeader("Location")).isEqualTo(media.getRelayBaseUrl() + "/" + live.sessionId);
        assertThat(api.get("/api/live-sessions?creatorId=" + live.creator.id(), null).body().path("total").asLong()).isEqualTo(1);
        assertThat(status(live.sessionId)).isEqualTo("LIVE");
    }

    @Test
    void aDroppedStreamInterruptsTheRoomWhichStillSellsAndAReconnectResumesTheSameSession() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        String key = keyOf(live.creator);
        hook("publish", media.getHookSecret(), key);
        User buyer = live.buyer("成都");

        try (RoomClient room = RoomClient.open(port, live.sessionId, null, api.json())) {
            room.await("hello");
            assertThat(hook("publish-done", media.getHookSecret(), key).getResponse().getStatus()).isEqualTo(204);

            JsonNode interrupted = room.await(f -> f.path("type").asString().equals("session")
                    && f.path("status").asString().equals("INTERRUPTED"));
            assertThat(interrupted.path("liveSessionId").asString()).isEqualTo(live.sessionId);
            JsonNode session = api.get("/api/live-sessions/" + live.sessionId, null).body();
            assertThat(session.path("status").asString()).isEqualTo("INTERRUPTED");
            assertThat(session.path("playbackUrl").asString()).endsWith("/" + live.sessionId + ".m3u8");
            // the room is still on: purchases go through, and the creator's one slot stays taken
            assertThat(api.post("/api/orders", buyer, live.roomOrder(live.skuId, 1)).status()).isEqualTo(201);
            String other = require(api.post("/api/live-sessions", live.creator, Map.of("title", "另一场")), 201).id();
            assertThat(api.post("/api/live-sessions/" + other + "/start", live.creator, null).status()).isEqualTo(409);

            MvcResult back = hook("publish", media.getHookSecret(), key);

            assertThat(back.getResponse().getHeader("Location")).isEqualTo(media.getRelayBaseUrl() + "/" + live.sessionId);
            room.await(f -> f.path("type").asString().equals("session") && f.path("status").asString().equals("LIVE"));
            assertThat(status(live.sessionId)).isEqualTo("LIVE");
            assertThat(status(other)).isEqualTo("SCHEDULED");
        }
    }

    @Test
    void anInterruptedSessionEndsOnceTheReconnectGraceRunsOut() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        String key = keyOf(live.creator);
        hook("publish", media.getHookSecret(), key);
        hook("publish-done", media.getHookSecret(), key);
        assertThat(status(live.sessionId)).isEqualTo("INTERRUPTED");

        Duration grace = media.getReconnectGrace();
        media.setReconnectGrace(Duration.ZERO);
        try {
            Eventually.until("the sweep ends the interrupted session", () -> status(live.sessionId).equals("ENDED"));
        } finally {
            media.setReconnectGrace(grace);
        }
        JsonNode ended = api.get("/api/live-sessions/" + live.sessionId, null).body();
        assertThat(ended.has("playbackUrl")).isFalse();
        // a later publish goes live again, in a new session
        MvcResult again = hook("publish", media.getHookSecret(), key);
        assertThat(again.getResponse().getHeader("Location")).doesNotEndWith("/" + live.sessionId);
    }

    @Test
    void theEndOfAnOlderConnectionReportedAfterAReconnectDoesNotInterruptTheNewOne() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        String key = keyOf(live.creator);
        hook("publish", media.getHookSecret(), key, "11");
        hook("publish", media.getHookSecret(), key, "12"); // the encoder reconnected before nginx saw connection 11 go

        assertThat(hook("publish-done", media.getHookSecret(), key, "11").getResponse().getStatus()).isEqualTo(204);
        assertThat(status(live.sessionId)).as("connection 12 still publishes").isEqualTo("LIVE");
        hook("publish-done", media.getHookSecret(), key, "12");
        assertThat(status(live.sessionId)).isEqualTo("INTERRUPTED");
        assertThat(hook("publish", media.getHookSecret(), key, "").getResponse().getStatus()).as("no client id").isEqualTo(400);
    }

    @Test
    void theCreatorMayEndAnInterruptedSession() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        String key = keyOf(live.creator);
        hook("publish", media.getHookSecret(), key);
        hook("publish-done", media.getHookSecret(), key);

        var ended = api.post("/api/live-sessions/" + live.sessionId + "/end", live.creator, null);

        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.text("status")).isEqualTo("ENDED");
        assertThat(hook("publish-done", media.getHookSecret(), key).getResponse().getStatus()).isEqualTo(204);
        assertThat(status(live.sessionId)).isEqualTo("ENDED");
    }

    @Test
    void anotherCreatorsKeyNeverTakesOverASessionAndViewersCannotStartOrEndIt() throws Exception {
        LiveFixture first = new LiveFixture(api, true);
        LiveFixture second = new LiveFixture(api, false);
        User viewer = first.buyer("上海");

        MvcResult answer = hook("publish", media.getHookSecret(), keyOf(second.creator));

        assertThat(answer.getResponse().getHeader("Location")).isEqualTo(media.getRelayBaseUrl() + "/" + second.sessionId);
        hook("publish-done", media.getHookSecret(), keyOf(second.creator));
        assertThat(status(first.sessionId)).isEqualTo("LIVE");
        assertThat(status(second.sessionId)).isEqualTo("INTERRUPTED");
        assertThat(api.get("/api/creators/me/stream-key", viewer).status()).isEqualTo(403);
        assertThat(api.post("/api/live-sessions/" + first.sessionId + "/end", viewer, null).status()).isEqualTo(403);
        assertThat(api.post("/api/live-sessions/" + second.sessionId + "/start", viewer, null).status()).isEqualTo(403);
        assertThat(api.post("/api/live-sessions/" + first.sessionId + "/end", second.creator, null).status()).isEqualTo(403);
        assertThat(status(first.sessionId)).isEqualTo("LIVE");
        assertThat(status(second.sessionId)).isEqualTo("INTERRUPTED");
    }

    @Test
    void aStreamKeyAppearsInNoAnswerFramePageOrPlaybackUrlButItsOwnersKeyAnswer() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        String key = keyOf(live.creator);
        List<String> seen = new ArrayList<>();
        try (RoomClient room = RoomClient.open(port, live.sessionId, live.creator.token(), api.json())) {
            room.await("hello");
            seen.add(hook("publish", media.getHookSecret(), key).getResponse().getHeader("Location"));
            room.await("session");
            hook("publish-done", media.getHookSecret(), key);
            room.await(f -> f.path("type").asString().equals("session") && f.path("status").asString().equals("INTERRUPTED"));
            hook("publish", media.getHookSecret(), key);
            room.await(f -> f.path("type").asString().equals("session") && f.path("status").asString().equals("LIVE"));
            room.frames().forEach(f -> seen.add(f.toString()));
        }
        try (RoomClient late = RoomClient.open(port, live.sessionId, null, api.json())) {
            seen.add(late.await("hello").toString());
        }
        for (String path : List.of("/api/live-sessions/" + live.sessionId, "/api/live-sessions", "/api/live-sessions?status=LIVE",
                "/api/live-sessions?creatorId=" + live.creator.id(), "/api/live-sessions/" + live.sessionId + "/shelf-items")) {
            seen.add(api.get(path, null).body().toString());
            seen.add(api.get(path, live.creator).body().toString());
        }
        seen.add(api.get("/api/live-sessions/" + live.sessionId + "/report", live.creator).body().toString());
        for (String page : List.of("/live", "/live/" + live.sessionId, "/creators/" + live.creator.id())) {
            seen.add(page(page));
        }

        assertThat(seen).allSatisfy(text -> assertThat(text).doesNotContain(key));
        assertThat(seen.getFirst()).isEqualTo(media.getRelayBaseUrl() + "/" + live.sessionId);
        assertThat(page("/live/" + live.sessionId)).contains(media.getPlaybackBaseUrl() + "/" + live.sessionId + ".m3u8");
    }

    private String keyOf(User creator) {
        return require(api.get("/api/creators/me/stream-key", creator), 200).text("streamKey");
    }

    private String status(String sessionId) {
        return sessions.row(Long.parseLong(sessionId)).status().name();
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse().getContentAsString();
    }

    private MvcResult hook(String hook, String secret, String key) throws Exception {
        return hook(hook, secret, key, "7");
    }

    /** A hook as nginx-rtmp sends it: form fields in the body, the secret in the configured URL's query. */
    private MvcResult hook(String hook, String secret, String key, String clientId) throws Exception {
        MockHttpServletRequestBuilder request = post("/hooks/rtmp/" + hook + (secret == null ? "" : "?secret=" + secret))
                .contentType("application/x-www-form-urlencoded")
                .param("app", "live").param("flashver", "FMLE/3.0").param("tcurl", "rtmp://127.0.0.1:1935/live")
                .param("addr", "127.0.0.1").param("clientid", clientId).param("call", hook.replace('-', '_')).param("type", "live");
        if (key != null) {
            request.param("name", key);
        }
        return mvc.perform(request).andReturn();
    }
}
