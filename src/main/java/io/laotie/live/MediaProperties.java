package io.laotie.live;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the media server is and how Laotie talks to it ({@code laotie.live.media.*}). Read at the moment of each use,
 * not copied at start, so the test suite's one shared context can point at an nginx it started on free ports and
 * shorten the reconnect grace; the application itself never changes these. Thread-safe.
 */
@ConfigurationProperties("laotie.live.media")
public class MediaProperties {

    private volatile String hookSecret = "";
    private volatile String ingestBaseUrl = "rtmp://localhost:1935/live";
    private volatile String relayBaseUrl = "rtmp://127.0.0.1:1935/hls";
    private volatile String playbackBaseUrl = "http://localhost:8088/hls";
    private volatile String controlUrl = "http://127.0.0.1:8088/control";
    private volatile Duration reconnectGrace = Duration.ofSeconds(60);

    /** The shared secret the media server sends as {@code ?secret=} on every hook; blank refuses every hook. */
    public String getHookSecret() {
        return hookSecret;
    }

    public void setHookSecret(String hookSecret) {
        this.hookSecret = hookSecret;
    }

    /** Where creators publish: OBS's "server"; the stream key is appended as the stream name. */
    public String getIngestBaseUrl() {
        return ingestBaseUrl;
    }

    public void setIngestBaseUrl(String ingestBaseUrl) {
        this.ingestBaseUrl = trimmed(ingestBaseUrl);
    }

    /** The internal RTMP application that writes HLS; the publish hook relays each stream there under its public name. */
    public String getRelayBaseUrl() {
        return relayBaseUrl;
    }

    public void setRelayBaseUrl(String relayBaseUrl) {
        this.relayBaseUrl = trimmed(relayBaseUrl);
    }

    /** Where viewers fetch HLS: a session's playlist is {@code <this>/<public name>.m3u8}. */
    public String getPlaybackBaseUrl() {
        return playbackBaseUrl;
    }

    public void setPlaybackBaseUrl(String playbackBaseUrl) {
        this.playbackBaseUrl = trimmed(playbackBaseUrl);
    }

    /** nginx-rtmp's control interface ({@code rtmp_control all}), reachable from Laotie only. */
    public String getControlUrl() {
        return controlUrl;
    }

    public void setControlUrl(String controlUrl) {
        this.controlUrl = trimmed(controlUrl);
    }

    /** How long an interrupted session waits for its creator to reconnect before it ends. */
    public Duration getReconnectGrace() {
        return reconnectGrace;
    }

    public void setReconnectGrace(Duration reconnectGrace) {
        this.reconnectGrace = reconnectGrace;
    }

    /** The ingest application's name, the last path segment of the ingest URL ({@code live}). */
    public String ingestApplication() {
        return ingestBaseUrl.substring(ingestBaseUrl.lastIndexOf('/') + 1);
    }

    private static String trimmed(String url) {
        String stripped = url.strip();
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
