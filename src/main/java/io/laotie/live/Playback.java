package io.laotie.live;

import io.laotie.live.room.Frame;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Where a session's video is: its public name (the session id, so a reconnect keeps the same playlist), the RTMP URL
 * the ingest hook relays the stream to under that name, and the HLS playlist viewers play. The stream key never
 * takes part in any of them.
 */
@Component
class Playback {

    private final MediaProperties media;

    Playback(MediaProperties media) {
        this.media = media;
    }

    String publicName(long liveSessionId) {
        return Long.toString(liveSessionId);
    }

    /** The internal application's URL the ingest application pushes the stream to. */
    String relayUrl(long liveSessionId) {
        return media.getRelayBaseUrl() + "/" + publicName(liveSessionId);
    }

    /** The playlist while the room is on; nothing before or after. */
    @Nullable String url(long liveSessionId, SessionStatus status) {
        return status.onAir() ? media.getPlaybackBaseUrl() + "/" + publicName(liveSessionId) + ".m3u8" : null;
    }

    /** The room frame telling viewers the session's state, so the page switches between video and cover. */
    Frame frame(long liveSessionId, SessionStatus status) {
        return Frame.of("session").with("liveSessionId", liveSessionId).with("status", status.name())
                .with("playbackUrl", url(liveSessionId, status));
    }
}
