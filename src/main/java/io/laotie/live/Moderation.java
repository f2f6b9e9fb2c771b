package io.laotie.live;

import io.laotie.identity.Caller;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.JsonId;
import io.laotie.platform.ValidationFailed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What may be said in a room: the operators' blocked-word list (屏蔽词) and the mutes (禁言) creators set in their
 * rooms. Both are read for every comment, so both are cached here and changed only through here.
 */
@Service
public class Moderation {

    public record BlockedWord(String word, @JsonId long addedBy, Instant addedAt) {
    }

    public record Mute(@JsonId long viewerId, @JsonId long mutedBy, Instant mutedAt) {
    }

    private final JdbcClient jdbc;
    private final LiveSessions sessions;
    private final Clock clock;
    private volatile List<String> words;
    private final Map<Long, Set<Long>> mutes = new ConcurrentHashMap<>();

    Moderation(JdbcClient jdbc, LiveSessions sessions, Clock clock) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.clock = clock;
        this.words = loadWords();
    }

    /** The first blocked word the text contains, ignoring case, if any. */
    public java.util.Optional<String> blockedWordIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return words.stream().filter(lower::contains).findFirst();
    }

    public List<BlockedWord> blockedWords() {
        return jdbc.sql("select word, added_by, added_at from blocked_words order by word")
                .query((rs, n) -> new BlockedWord(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant())).list();
    }

    @Transactional
    public BlockedWord block(String word, Caller operator) {
        String normal = normal(word);
        jdbc.sql("insert into blocked_words (word, added_by, added_at) values (?, ?, ?) on conflict do nothing")
                .params(normal, operator.accountId(), Timestamp.from(clock.instant())).update();
        words = loadWords();
        return blockedWords().stream().filter(w -> w.word().equals(normal)).findFirst().orElseThrow();
    }

    @Transactional
    public void unblock(String word) {
        jdbc.sql("delete from blocked_words where word = ?").param(normal(word)).update();
        words = loadWords();
    }

    /** The session's creator (or an operator) mutes a viewer in that room. */
    @Transactional
    public Mute mute(long liveSessionId, long viewerId, Caller caller) {
        LiveSessions.Row session = sessions.managed(liveSessionId, caller);
        if (viewerId == session.creatorId()) {
            throw new IllegalTransition("The creator cannot be muted in their own room");
        }
        jdbc.sql("insert into live_mutes (live_session_id, viewer_id, muted_by, muted_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(liveSessionId, viewerId, caller.accountId(), Timestamp.from(clock.instant())).update();
        mutes.remove(liveSessionId);
        return mutes(liveSessionId, caller).stream().filter(m -> m.viewerId() == viewerId).findFirst().orElseThrow();
    }

    @Transactional
    public void unmute(long liveSessionId, long viewerId, Caller caller) {
        sessions.managed(liveSessionId, caller);
        jdbc.sql("delete from live_mutes where live_session_id = ? and viewer_id = ?").params(liveSessionId, viewerId).update();
        mutes.remove(liveSessionId);
    }

    public List<Mute> mutes(long liveSessionId, Caller caller) {
        sessions.managed(liveSessionId, caller);
        return jdbc.sql("select viewer_id, muted_by, muted_at from live_mutes where live_session_id = ? order by muted_at")
                .param(liveSessionId)
                .query((rs, n) -> new Mute(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant())).list();
    }

    public boolean muted(long liveSessionId, long viewerId) {
        return mutes.computeIfAbsent(liveSessionId, id -> Set.copyOf(
                jdbc.sql("select viewer_id from live_mutes where live_session_id = ?").param(id).query(Long.class).list()))
                .contains(viewerId);
    }

    private static String normal(String word) {
        String normal = word.strip().toLowerCase(Locale.ROOT);
        if (normal.isEmpty() || normal.length() > 50) {
            throw ValidationFailed.of("word", "must be 1 to 50 characters");
        }
        return normal;
    }

    private List<String> loadWords() {
        return List.copyOf(jdbc.sql("select word from blocked_words").query(String.class).list());
    }
}
