package io.laotie.live;

import io.laotie.identity.Caller;
import io.laotie.identity.Role;
import io.laotie.social.Creators;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

/**
 * What the media server's hooks do to live sessions. A publish with a creator's stream key puts that creator on air
 * and answers where to relay the stream (the internal HLS application, under the session's public name): the
 * creator's session on air if there is one (an interrupted one resumes), else their next scheduled session goes
 * live, else a new session is made and goes live. Publish-done interrupts the live session; a session interrupted
 * longer than {@code laotie.live.media.reconnect-grace} is ended by a sweep. Ending a session has the media server drop
 * the creator's stream.
 */
@Service
public class Broadcasts {

    private static final Logger log = LoggerFactory.getLogger(Broadcasts.class);
    private static final int TITLE_MAX = 100;

    private final StreamKeys keys;
    private final LiveSessions sessions;
    private final Creators creators;
    private final Playback playback;
    private final MediaServer server;
    private final MediaProperties media;
    private final JdbcClient jdbc;
    private final Clock clock;

    Broadcasts(StreamKeys keys, LiveSessions sessions, Creators creators, Playback playback, MediaServer server,
               MediaProperties media, JdbcClient jdbc, Clock clock) {
        this.keys = keys;
        this.sessions = sessions;
        this.creators = creators;
        this.playback = playback;
        this.server = server;
        this.media = media;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A stream starts with this key, from the media server's client {@code clientId}. Answers the RTMP URL the media
     * server relays it to; {@link UnknownStreamKey} when no creator holds the key, so the stream is refused and nothing
     * changes.
     */
    @Transactional
    public String publish(String key, String clientId) {
        long creatorId = keys.creatorOf(key).orElseThrow(UnknownStreamKey::new);
        keys.publishing(creatorId, clientId);
        Optional<LiveSessions.Row> onAir = sessions.liveOf(creatorId);
        if (onAir.isPresent()) {
            sessions.resume(onAir.get().id());
            return playback.relayUrl(onAir.get().id());
        }
        Caller creator = actingCreator(creatorId);
        long id = nextScheduled(creatorId)
                .orElseGet(() -> sessions.create(creator, new NewLiveSession(title(creatorId), null, null)).id());
        sessions.start(id, creator);
        return playback.relayUrl(id);
    }

    /**
     * The stream of this key and client stopped: the creator's live session is interrupted and waits for a reconnect,
     * unless a newer connection of the creator publishes by now (an encoder may reconnect before the media server
     * notices that its old connection is gone, and then reports the old one's end after the new one's start).
     */
    @Transactional
    public void publishDone(String key, String clientId) {
        long creatorId = keys.creatorOf(key).orElseThrow(UnknownStreamKey::new);
        if (keys.stoppedPublishing(creatorId, clientId)) {
            sessions.liveOf(creatorId).ifPresent(session -> sessions.interrupt(session.id()));
        }
    }

    /** Ends every session interrupted longer than the reconnect grace, each on its own. */
    @Scheduled(fixedDelayString = "${laotie.live.media.sweep-interval:5s}")
    public void endAbandoned() {
        for (long id : sessions.interruptedSince(clock.instant().minus(media.getReconnectGrace()))) {
            try {
                sessions.endInterrupted(id);
            } catch (RuntimeException e) {
                log.warn("Could not end interrupted session {}", id, e);
            }
        }
    }

    /**
     * A session ended (from the studio, the API, or the grace ran out): the media server drops the creator's stream,
     * unless the creator is on air again in another session by now.
     */
    @ApplicationModuleListener
    void on(SessionEnded ended) {
        if (sessions.liveOf(ended.creatorId()).isEmpty()) {
            keys.keyOf(ended.creatorId()).ifPresent(server::dropPublisher);
        }
    }

    private Optional<Long> nextScheduled(long creatorId) {
        return jdbc.sql("""
                        select id from live_sessions where creator_id = ? and status = 'SCHEDULED'
                        order by scheduled_at, id limit 1""")
                .param(creatorId).query(Long.class).optional();
    }

    /** A stream key stands for its creator: the session is theirs, started as if from their studio. */
    private static Caller actingCreator(long creatorId) {
        return new Caller(creatorId, "stream-key", Set.of(Role.VIEWER, Role.CREATOR));
    }

    private String title(long creatorId) {
        String name = creators.find(creatorId).map(c -> c.displayName()).orElse("");
        String title = (name + " 的直播").strip();
        return title.length() > TITLE_MAX ? title.substring(0, TITLE_MAX) : title;
    }
}
