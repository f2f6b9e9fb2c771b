package io.laotie.live.internal;

import io.laotie.live.LiveSessions;
import io.laotie.social.RoomDirectory;
import org.springframework.stereotype.Component;

/** Tells the social module which sessions are rooms of which creator, for follows and joins from a room. */
@Component
class LiveRoomDirectory implements RoomDirectory {

    private final LiveSessions sessions;

    LiveRoomDirectory(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public boolean isRoomOf(long liveSessionId, long creatorId) {
        return sessions.find(liveSessionId).map(s -> s.creatorId() == creatorId && s.status().open()).orElse(false);
    }
}
