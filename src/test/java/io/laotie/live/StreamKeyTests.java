package io.laotie.live;

import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Creators' stream keys over the API and in the studio: long, random, the owner's only, rotatable. */
@LaotieTest
class StreamKeyTests {

    @Autowired Api api;
    @Autowired MockMvc mvc;
    @Autowired MediaProperties media;

    @Test
    void aCreatorHasOneLongUrlSafeKeyWithItsIngestUrlAndNoCacheKeepsIt() {
        User creator = creator();
        var first = api.get("/api/creators/me/stream-key", creator);
        var again = api.get("/api/creators/me/stream-key", creator);

        assertThat(first.status()).isEqualTo(200);
        String key = first.text("streamKey");
        assertThat(key).matches("[A-Za-z0-9_-]{43}"); // 256 bits, URL-safe Base64
        assertThat(again.text("streamKey")).isEqualTo(key);
        assertThat(first.text("ingestUrl")).isEqualTo(media.getIngestBaseUrl() + "/" + key);
        assertThat(first.raw().getResponse().getHeader("Cache-Control")).contains("no-store");
        assertThat(api.get("/api/creators/me/stream-key", creator()).text("streamKey")).isNotEqualTo(key);
    }

    @Test
    void onlyCreatorsHaveAKey() {
        User viewer = api.user("keyless", null);

        var refused = api.get("/api/creators/me/stream-key", viewer);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).isEqualTo("urn:laotie:problem:forbidden");
        assertThat(refused.text("detail")).contains("creator");
        assertThat(api.post("/api/creators/me/stream-key/rotation", viewer, null).status()).isEqualTo(403);
        assertThat(api.get("/api/creators/me/stream-key", null).status()).isEqualTo(401);
        assertThat(api.post("/api/creators/me/stream-key/rotation", null, null).status()).isEqualTo(401);
    }

    @Test
    void rotationGivesANewKeyAndTheOldOneIsRefusedAtOnce() throws Exception {
        User creator = creator();
        String old = api.get("/api/creators/me/stream-key", creator).text("streamKey");

        var rotated = api.post("/api/creators/me/stream-key/rotation", creator, null);

        assertThat(rotated.status()).isEqualTo(200);
        String fresh = rotated.text("streamKey");
        assertThat(fresh).isNotEqualTo(old).matches("[A-Za-z0-9_-]{43}");
        assertThat(api.get("/api/creators/me/stream-key", creator).text("streamKey")).isEqualTo(fresh);
        assertThat(publish(old).getResponse().getStatus()).isEqualTo(403);
        assertThat(publish(fresh).getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void theStudioShowsTheIngestServerAndTheKeyOnlyWhenItsOwnerAsks() throws Exception {
        User creator = creator();
        String key = api.get("/api/creators/me/stream-key", creator).text("streamKey");
        MockHttpSession session = signIn(creator);

        String studio = mvc.perform(get("/studio").session(session)).andReturn().getResponse().getContentAsString();
        MvcResult panel = mvc.perform(get("/studio/stream-key").session(session).header("HX-Request", "true")).andReturn();
        String revealed = mvc.perform(get("/studio/stream-key").param("reveal", "true").session(session).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();

        assertThat(studio).contains("id=\"stream-setup\"").doesNotContain(key);
        assertThat(panel.getResponse().getContentAsString()).contains(media.getIngestBaseUrl()).contains("reveal-key").doesNotContain(key);
        assertThat(panel.getResponse().getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(revealed).contains(key).contains(media.getIngestBaseUrl() + "/" + key);

        String rotated = mvc.perform(post("/studio/stream-key/rotation").session(session).with(csrf()).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString();
        String fresh = api.get("/api/creators/me/stream-key", creator).text("streamKey");
        assertThat(fresh).isNotEqualTo(key);
        assertThat(rotated).contains(fresh).doesNotContain(key).contains("stream-key-rotated");
    }

    @Test
    void theStudioPanelIsForCreatorsOnly() throws Exception {
        User viewer = api.user("panel", null);
        assertThat(mvc.perform(get("/studio/stream-key").param("reveal", "true").session(signIn(viewer))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/studio/stream-key/rotation").session(signIn(viewer))).andReturn().getResponse().getStatus())
                .as("no CSRF token").isEqualTo(403);
        assertThat(mvc.perform(get("/studio/stream-key")).andReturn().getResponse().getRedirectedUrl()).endsWith("/login");
    }

    private User creator() {
        User user = api.user("streamer", null);
        LiveFixture.require(api.post("/api/creators", user, Map.of("displayName", "推流" + user.handle(), "bio", "")), 201);
        return user;
    }

    private MvcResult publish(String key) throws Exception {
        return mvc.perform(post("/hooks/rtmp/publish").param("secret", media.getHookSecret())
                .contentType("application/x-www-form-urlencoded").param("call", "publish").param("clientid", "1").param("name", key)).andReturn();
    }

    private MockHttpSession signIn(User user) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).param("username", user.handle()).param("password", "secret-pass-1"))
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }
}
