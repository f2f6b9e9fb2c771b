package io.laotie.social;

import io.laotie.identity.Accounts;
import io.laotie.platform.Ids;
import jakarta.annotation.PreDestroy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What viewers do in a room, as signals. Comments are durable once acknowledged: each is stored before it is
 * broadcast. Likes and watch time are counts: they are summed in memory per (session, viewer) and stored once per
 * {@code laotie.social.signal-interval}, one row and one {@link RoomLiked} per viewer and interval, so 5,000 likes a
 * second cost a few hundred writes per interval instead of 5,000 a second. A crash loses at most one interval of
 * counts, never a comment. The live module decides what may be said; this stores it. Thread-safe.
 */
@Service
public class RoomSignals {

    private record Key(long liveSessionId, long creatorId, long viewerId) {
    }

    /** Mutated only inside {@link ConcurrentHashMap#compute}, so adding and taking a tally never race. */
    private static final class Tally {
        long likes;
        long watchedSeconds;
    }

    public static final int MAX_COMMENT_LENGTH = 200;

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Accounts accounts;
    private final FanClubs fanClubs;
    private final SocialProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Map<Key, Tally> tallies = new ConcurrentHashMap<>();

    RoomSignals(JdbcClient jdbc, Ids ids, Accounts accounts, FanClubs fanClubs, SocialProperties properties, Clock clock,
                ApplicationEventPublisher events, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.accounts = accounts;
        this.fanClubs = fanClubs;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
        this.transactions = transactions;
    }

    /**
     * Stores a comment that passed moderation, credits the author's intimacy, and answers it as the room shows it. The
     * caller has read the author's account already, so it passes the name instead of this reading it again.
     */
    @Transactional
    public Comment comment(long liveSessionId, long creatorId, long authorId, String authorName, String text) {
        long commentId = ids.next();
        Instant now = clock.instant();
        jdbc.sql("insert into room_comments (id, live_session_id, creator_id, author_id, text, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(commentId, liveSessionId, creatorId, authorId, text, Timestamp.from(now))
                .update();
        events.publishEvent(new RoomCommented(commentId, liveSessionId, creatorId, authorId, text.length(), now));
        fanClubs.earn(creatorId, authorId, properties.intimacyPerComment());
        return new Comment(commentId, liveSessionId, authorId, authorName, text,
                fanClubs.badges(creatorId, List.of(authorId)).get(authorId), now);
    }

    /** The latest comments of a room, oldest first, with their authors' names and badges. */
    public List<Comment> recentComments(long liveSessionId, long creatorId, int limit) {
        record Row(long id, long authorId, String text, Instant at) {
        }
        List<Row> rows = new ArrayList<>(jdbc.sql("""
                        select id, author_id, text, created_at from room_comments where live_session_id = ?
                        order by id desc limit ?""")
                .params(liveSessionId, limit)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant()))
                .list());
        java.util.Collections.reverse(rows);
        Set<Long> authors = new LinkedHashSet<>();
        rows.forEach(r -> authors.add(r.authorId()));
        Map<Long, String> names = accounts.displayNames(authors);
        Map<Long, Badge> badges = fanClubs.badges(creatorId, authors);
        return rows.stream().map(r -> new Comment(r.id(), liveSessionId, r.authorId(), names.getOrDefault(r.authorId(), "?"),
                r.text(), badges.get(r.authorId()), r.at())).toList();
    }

    public long commentCount(long liveSessionId) {
        return jdbc.sql("select count(*) from room_comments where live_session_id = ?").param(liveSessionId).query(Long.class).single();
    }

    /** Counts likes of a signed-in viewer; stored with the next interval. */
    public void like(long liveSessionId, long creatorId, long viewerId, long count) {
        tallies.compute(new Key(liveSessionId, creatorId, viewerId), (k, tally) -> {
            Tally t = tally == null ? new Tally() : tally;
            t.likes += count;
            return t;
        });
    }

    /** A signed-in viewer opened the room. */
    public void entered(long liveSessionId, long creatorId, long viewerId) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(tx -> events.publishEvent(new RoomEntered(liveSessionId, creatorId, viewerId, now)));
    }

    /** A signed-in viewer left after watching since {@code enteredAt}; the watch time is stored with the next interval. */
    public void left(long liveSessionId, long creatorId, long viewerId, Instant enteredAt) {
        Instant now = clock.instant();
        long seconds = Math.max(0, now.getEpochSecond() - enteredAt.getEpochSecond());
        tallies.compute(new Key(liveSessionId, creatorId, viewerId), (k, tally) -> {
            Tally t = tally == null ? new Tally() : tally;
            t.watchedSeconds += seconds;
            return t;
        });
        transactions.executeWithoutResult(tx -> {
            events.publishEvent(new RoomLeft(liveSessionId, creatorId, viewerId, seconds, enteredAt, now));
            fanClubs.earn(creatorId, viewerId, seconds / 60 * properties.intimacyPerWatchMinute());
        });
    }

    /** Stores the counts gathered since the last interval: one row and at most one event per viewer and room. */
    @Scheduled(fixedDelayString = "${laotie.social.signal-interval:10s}")
    @PreDestroy
    public void flush() {
        Instant now = clock.instant();
        long intervalMillis = properties.signalInterval().toMillis();
        Instant intervalStart = Instant.ofEpochMilli(now.toEpochMilli() / intervalMillis * intervalMillis);
        for (Key key : List.copyOf(tallies.keySet())) {
            Tally[] taken = new Tally[1];
            tallies.computeIfPresent(key, (k, tally) -> {
                taken[0] = tally;
                return null;
            });
            if (taken[0] == null || (taken[0].likes == 0 && taken[0].watchedSeconds == 0)) {
                continue;
            }
            Tally tally = taken[0];
            transactions.executeWithoutResult(tx -> {
                int updated = jdbc.sql("""
                                update room_signals set likes = likes + ?, watched_seconds = watched_seconds + ?
                                where live_session_id = ? and viewer_id = ? and interval_start = ?""")
                        .params(tally.likes, tally.watchedSeconds, key.liveSessionId(), key.viewerId(), Timestamp.from(intervalStart))
                        .update();
                if (updated == 0) {
                    jdbc.sql("""
                                    insert into room_signals (live_session_id, viewer_id, interval_start, creator_id, likes, watched_seconds)
                                    values (?, ?, ?, ?, ?, ?)""")
                            .params(key.liveSessionId(), key.viewerId(), Timestamp.from(intervalStart), key.creatorId(),
                                    tally.likes, tally.watchedSeconds)
                            .update();
                }
                if (tally.likes > 0) {
                    events.publishEvent(new RoomLiked(key.liveSessionId(), key.creatorId(), key.viewerId(), tally.likes, intervalStart, now));
                    fanClubs.earn(key.creatorId(), key.viewerId(), tally.likes / properties.likesPerIntimacyPoint());
                }
            });
        }
    }

    /** Stored likes and watch time of one viewer in one room, for tests and reports. */
    public long[] storedSignals(long liveSessionId, long viewerId) {
        return jdbc.sql("""
                        select coalesce(sum(likes), 0), coalesce(sum(watched_seconds), 0) from room_signals
                        where live_session_id = ? and viewer_id = ?""")
                .params(liveSessionId, viewerId)
                .query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).single();
    }
}
