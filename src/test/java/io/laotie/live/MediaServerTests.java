package io.laotie.live;

import io.laotie.support.Api;
import io.laotie.support.Eventually;
import io.laotie.support.LaotieTest;
import io.laotie.support.NginxRtmp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.laotie.live.LiveFixture.require;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end with a real nginx-rtmp (from the shipped template, in a private prefix on free ports) and ffmpeg
 * publishing a generated stream: keys are checked by the hooks, HLS appears under the session's public name only,
 * a dropped stream interrupts the session, a reconnect resumes it, and ending the session cuts the stream.
 * Skipped with the reason printed when nginx, its RTMP module or ffmpeg is missing, except under {@code CI=true}.
 */
@LaotieTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MediaServerTests {

    /** Video takes real time: the stream must start, and a playlist needs two 1-second fragments cut. */
    private static final Duration VIDEO = Duration.ofSeconds(40);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired Api api;
    @Autowired MediaProperties media;
    @Autowired LiveSessions sessions;
    @LocalServerPort int port;

    private NginxRtmp nginx;
    private String relayBefore;
    private String playbackBefore;
    private String controlBefore;

    @BeforeAll
    void startNginx() throws Exception {
        nginx = NginxRtmp.startOrSkip("http://127.0.0.1:" + port, media.getHookSecret());
        relayBefore = media.getRelayBaseUrl();
        playbackBefore = media.getPlaybackBaseUrl();
        controlBefore = media.getControlUrl();
        media.setRelayBaseUrl(nginx.relayBaseUrl());
        media.setPlaybackBaseUrl(nginx.playbackBaseUrl());
        media.setControlUrl(nginx.controlUrl());
    }

    @AfterAll
    void stopNginx() throws Exception {
        if (nginx != null) {
            media.setRelayBaseUrl(relayBefore);
            media.setPlaybackBaseUrl(playbackBefore);
            media.setControlUrl(controlBefore);
            nginx.close();
        }
    }

    @Test
    void aValidKeyGoesLiveAndViewersGetHlsUnderThePublicNameOnlyUntilTheApiEndsTheSessionAndCutsTheStream() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        String key = keyOf(live);

        Process ffmpeg = nginx.publish(key);

        waitForStatus(live.sessionId, "LIVE", ffmpeg);
        String playbackUrl = api.get("/api/live-sessions/" + live.sessionId, null).text("playbackUrl");
        assertThat(playbackUrl).isEqualTo(nginx.playbackBaseUrl() + "/" + live.sessionId + ".m3u8");
        Eventually.until("a playlist with two segments at " + playbackUrl, VIDEO, () -> segments(playbackUrl).size() >= 2);
        HttpResponse<String> playlist = get(playbackUrl);
        assertThat(playlist.headers().firstValue("Content-Type")).hasValue("application/vnd.apple.mpegurl");
        assertThat(playlist.headers().firstValue("Cache-Control").orElse("")).contains("no-cache");
        assertThat(playlist.body()).doesNotContain(key);
        List<String> segments = segments(playbackUrl);
        assertThat(segments).allSatisfy(segment -> assertThat(segment).startsWith(live.sessionId + "-").endsWith(".ts"));
        HttpResponse<String> segment = get(nginx.playbackBaseUrl() + "/" + segments.getFirst());
        assertThat(segment.statusCode()).isEqualTo(200);
        assertThat(segment.headers().firstValue("Content-Type")).hasValue("video/mp2t");
        // nothing under the key, on disk or over HTTP
        try (var files = Files.list(nginx.hlsFolder())) {
            List<String> names = files.map(Path::getFileName).map(Path::toString).toList();
            assertThat(names).anyMatch(name -> name.equals(live.sessionId + ".m3u8"))
                    .allSatisfy(name -> assertThat(name).matches("\\d+(\\.m3u8|-\\d+\\.ts)").doesNotContain(key));
        }
        assertThat(get(nginx.playbackBaseUrl() + "/" + key + ".m3u8").statusCode()).isEqualTo(404);
        assertThat(api.get("/api/live-sessions/" + live.sessionId, null).body().toString()).doesNotContain(key);

        require(api.post("/api/live-sessions/" + live.sessionId + "/end", live.creator, null), 200);

        assertThat(ffmpeg.waitFor(VIDEO.toSeconds(), TimeUnit.SECONDS)).as("ffmpeg cut off by the media server").isTrue();
        assertThat(ffmpeg.exitValue()).isNotZero();
        assertThat(status(live.sessionId)).isEqualTo("ENDED");
    }

    @Test
    void aWrongKeyIsRefusedAndFfmpegFails() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        keyOf(live);

        Process ffmpeg = nginx.publish("not-anybodys-key");

        assertThat(ffmpeg.waitFor(VIDEO.toSeconds(), TimeUnit.SECONDS)).as("ffmpeg refused").isTrue();
        assertThat(ffmpeg.exitValue()).isNotZero();
        assertThat(status(live.sessionId)).isEqualTo("SCHEDULED");
        try (var files = Files.list(nginx.hlsFolder())) {
            assertThat(files.map(Path::getFileName).map(Path::toString).toList()).noneMatch(name -> name.contains("not-anybodys-key"));
        }
    }

    @Test
    void aStreamThatStopsInterruptsTheSessionAndAReconnectWithinTheGraceResumesIt() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        String key = keyOf(live);
        Duration grace = media.getReconnectGrace();
        media.setReconnectGrace(Duration.ofHours(1)); // however slow this machine, the reconnect is within the grace
        try {
            Process first = nginx.publish(key);
            waitForStatus(live.sessionId, "LIVE", first);
            NginxRtmp.stop(first);
            Eventually.until("session " + live.sessionId + " interrupted", VIDEO, () -> status(live.sessionId).equals("INTERRUPTED"));

            Process second = nginx.publish(key);

            waitForStatus(live.sessionId, "LIVE", second);
            assertThat(api.get("/api/live-sessions?creatorId=" + live.creator.id(), null).body().path("total").asLong()).isEqualTo(1);
            String playbackUrl = api.get("/api/live-sessions/" + live.sessionId, null).text("playbackUrl");
            assertThat(playbackUrl).endsWith("/" + live.sessionId + ".m3u8");
            Eventually.until("the resumed stream's playlist", VIDEO, () -> get(playbackUrl).statusCode() == 200);
            require(api.post("/api/live-sessions/" + live.sessionId + "/end", live.creator, null), 200);
            assertThat(second.waitFor(VIDEO.toSeconds(), TimeUnit.SECONDS)).as("ffmpeg cut off by the media server").isTrue();
        } finally {
            media.setReconnectGrace(grace);
        }
    }

    @Test
    void aStreamThatDoesNotComeBackWithinTheGraceEndsItsSession() throws Exception {
        LiveFixture live = new LiveFixture(api, false);
        String key = keyOf(live);
        Duration grace = media.getReconnectGrace();
        media.setReconnectGrace(Duration.ofSeconds(2));
        try {
            Process ffmpeg = nginx.publish(key);
            waitForStatus(live.sessionId, "LIVE", ffmpeg);

            NginxRtmp.stop(ffmpeg);

            Eventually.until("session " + live.sessionId + " ended after the grace", VIDEO, () -> status(live.sessionId).equals("ENDED"));
        } finally {
            media.setReconnectGrace(grace);
        }
    }

    private String keyOf(LiveFixture live) {
        return require(api.get("/api/creators/me/stream-key", live.creator), 200).text("streamKey");
    }

    private String status(String sessionId) {
        return sessions.row(Long.parseLong(sessionId)).status().name();
    }

    private void waitForStatus(String sessionId, String status, Process ffmpeg) {
        try {
            Eventually.until("session " + sessionId + " " + status, VIDEO, () -> status(sessionId).equals(status));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; ffmpeg " + (ffmpeg.isAlive() ? "running" : "exited " + ffmpeg.exitValue())
                    + "; nginx error log: " + nginx.log("logs/error.log"), e);
        }
    }

    /** The segment names of the playlist, none while it is not there yet. */
    private static List<String> segments(String playlistUrl) {
        HttpResponse<String> playlist = get(playlistUrl);
        if (playlist.statusCode() != 200) {
            return List.of();
        }
        return playlist.body().lines().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
