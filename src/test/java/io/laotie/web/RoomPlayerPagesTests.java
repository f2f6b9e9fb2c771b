package io.laotie.web;

import io.laotie.live.MediaProperties;
import io.laotie.support.Api;
import io.laotie.support.Api.User;
import io.laotie.support.LaotieTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The live room's player as the server draws it: the video while the room is on, the cover and its words otherwise. */
@LaotieTest
class RoomPlayerPagesTests {

    @Autowired Api api;
    @Autowired MockMvc mvc;
    @Autowired MediaProperties media;

    @Test
    void aRoomOnAirCarriesItsPlaylistAndThePlayerScriptsServedFromThisSite() throws Exception {
        String[] live = streaming();

        String page = page("/live/" + live[0], "zh_CN");

        assertThat(page).contains("data-playback-url=\"" + media.getPlaybackBaseUrl() + "/" + live[0] + ".m3u8\"")
                .contains("id=\"player-video\"")
                .contains("/webjars/hls.js/1.4.12/dist/hls.min.js").contains("/js/player.js")
                .doesNotContain(live[1]);
        assertThat(mvc.perform(get("/webjars/hls.js/1.4.12/dist/hls.min.js")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/js/player.js")).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/live/" + live[0])).andReturn().getResponse().getHeader("Content-Security-Policy"))
                .contains("connect-src 'self' ws: wss: http://localhost:8088;");
    }

    @Test
    void anInterruptedRoomSaysTheCreatorIsReconnectingInBothLanguages() throws Exception {
        String[] live = streaming();
        hook("publish-done", live[1]);

        assertThat(page("/live/" + live[0], "zh_CN")).contains("主播信号中断，正在重连…").contains("信号中断");
        assertThat(page("/live/" + live[0], "en")).contains("The creator&#39;s stream was interrupted; reconnecting…")
                .contains("Reconnecting");
        assertThat(page("/live", "zh_CN")).contains("/live/" + live[0]);
        assertThat(page("/creators/" + live[2], "zh_CN")).as("the creator's page lists it with the rooms on air").contains("/live/" + live[0]);
    }

    @Test
    void aScheduledRoomShowsItsCoverWithoutAPlaylist() throws Exception {
        User creator = api.user("cover", null);
        api.post("/api/creators", creator, Map.of("displayName", "封面" + creator.handle(), "bio", ""));
        String id = api.post("/api/live-sessions", creator, Map.of("title", "稍后开播")).id();

        String page = page("/live/" + id, "zh_CN");

        assertThat(page).contains("id=\"player-video\"").doesNotContain("data-playback-url");
    }

    /** A creator streaming through the hooks: answers the session id, the stream key and the creator id. */
    private String[] streaming() throws Exception {
        User creator = api.user("player", null);
        api.post("/api/creators", creator, Map.of("displayName", "播放" + creator.handle(), "bio", ""));
        String key = api.get("/api/creators/me/stream-key", creator).text("streamKey");
        hook("publish", key);
        String id = api.get("/api/live-sessions?creatorId=" + creator.id(), null).body().path("items").get(0).path("id").asString();
        return new String[]{id, key, creator.id()};
    }

    private void hook(String hook, String key) throws Exception {
        mvc.perform(post("/hooks/rtmp/" + hook).param("secret", media.getHookSecret())
                .contentType("application/x-www-form-urlencoded").param("clientid", "1").param("name", key));
    }

    private String page(String path, String lang) throws Exception {
        return mvc.perform(get(path).param("lang", lang)).andReturn().getResponse().getContentAsString();
    }
}
