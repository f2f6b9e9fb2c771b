package io.laotie.live;

import io.laotie.identity.Caller;
import io.laotie.live.room.RoomCounters;
import io.laotie.live.room.RoomHub;
import io.laotie.platform.Forbidden;
import io.laotie.platform.Ids;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import io.laotie.social.Creator;
import io.laotie.social.Creators;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Live sessions (直播场次): created by a creator for now or later, started, ended or cancelled by that creator or an
 * operator; booked (预约) by viewers. At most one session per creator is LIVE, which the database guarantees.
 */
@Service
public class LiveSessions {

    /** A session's row: what the module keeps, before names and the live audience are added. */
    public record Row(long id, long creatorId, String title, @Nullable String coverUrl, SessionStatus status,
                      Instant scheduledAt, @Nullable Instant startedAt, @Nullable Instant endedAt,
                      @Nullable Long explainingItemId, long bookings, long likes, long comments, int peakViewers,
                      long viewerSamples, long sampledSeconds, long watchSeconds, int newFollowers, int fanClubJoins,
                      int orders, long paidGmv, boolean simulated, Instant createdAt) {

        boolean managedBy(Caller caller) {
            return caller.is(creatorId) || caller.isOperator();
        }
    }

    private static final Duration SCHEDULE_SLACK = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Ids ids;
    private final Creators creators;
    private final RoomHub hub;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Playback playback;

    LiveSessions(JdbcClient jdbc, Ids ids, Creators creators, RoomHub hub, Clock clock, ApplicationEventPublisher events,
                 Playback playback) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.creators = creators;
        this.hub = hub;
        this.clock = clock;
        this.events = events;
        this.playback = playback;
    }

    /** Creates a session of the caller, who must be a creator; planned for now unless {@code scheduledAt} is given. */
    @Transactional
    public LiveSession create(Caller caller, NewLiveSession request) {
        return create(caller, request, false);
    }

    /** As {@link #create(Caller, NewLiveSession)}, for the demo world's rooms whose audience is simulated. */
    @Transactional
    public LiveSession create(Caller caller, NewLiveSession request, boolean simulated) {
        creators.find(caller.accountId())
                .orElseThrow(() -> new Forbidden("Become a creator first (POST /api/creators)"));
        Instant now = clock.instant();
        Instant scheduledAt = request.scheduledAt() == null ? now : request.scheduledAt().toInstant();
        if (scheduledAt.isBefore(now.minus(SCHEDULE_SLACK))) {
            throw ValidationFailed.of("scheduledAt", "must not be in the past");
        }
        long id = ids.next();
        jdbc.sql("""
                        insert into live_sessions (id, creator_id, title, cover_url, status, scheduled_at, simulated, created_at)
                        values (?, ?, ?, ?, 'SCHEDULED', ?, ?, ?)""")
                .params(id, caller.accountId(), request.title().strip(), request.coverUrl(), Timestamp.from(scheduledAt),
                        simulated, Timestamp.from(now))
                .update();
        return get(id);
    }

    /**
     * Goes live: SCHEDULED → LIVE, unless the creator is live in another session; an INTERRUPTED session resumes.
     * Needs no stream: the media server's publish hook attaches one to the live session later.
     */
    @Transactional
    public LiveSession start(long id, Caller caller) {
        Row row = managed(id, caller);
        if (row.status() == SessionStatus.LIVE) {
            return get(id);
        }
        if (row.status() == SessionStatus.INTERRUPTED) {
            resume(id);
            return get(id);
        }
        if (row.status() != SessionStatus.SCHEDULED) {
            throw new IllegalTransition("Session " + id + " is " + row.status() + " and cannot go live");
        }
        Instant now = clock.instant();
        try {
            if (jdbc.sql("update live_sessions set status = 'LIVE', live_slot = creator_id, started_at = ? where id = ? and status = 'SCHEDULED'")
                    .params(Timestamp.from(now), id).update() == 0) {
                return start(id, caller);
            }
        } catch (DuplicateKeyException e) {
            throw new IllegalTransition("This creator is live in another session; end it first");
        }
        hub.open(id, row.creatorId(), row.likes(), true);
        hub.broadcast(id, playback.frame(id, SessionStatus.LIVE));
        events.publishEvent(new SessionStarted(id, row.creatorId(), row.title(), now));
        return get(id);
    }

    /**
     * Ends the broadcast: LIVE or INTERRUPTED → ENDED. The room hears {@code session-ended}; its counters are stored
     * first. {@link SessionEnded} also has the media server drop the creator's stream.
     */
    @Transactional
    public LiveSession end(long id, Caller caller) {
        Row row = managed(id, caller);
        if (row.status() == SessionStatus.ENDED) {
            return get(id);
        }
        if (!row.status().onAir()) {
            throw new IllegalTransition("Session " + id + " is " + row.status() + "; only a live session ends");
        }
        if (!finish(id)) {
            return end(id, caller);
        }
        return get(id);
    }

    /**
     * The stream dropped: LIVE → INTERRUPTED, the creator keeps the slot for the reconnect grace. Answers whether it
     * changed anything (a session that was not LIVE stays as it was).
     */
    @Transactional
    public boolean interrupt(long id) {
        if (jdbc.sql("update live_sessions set status = 'INTERRUPTED', interrupted_at = ? where id = ? and status = 'LIVE'")
                .params(Timestamp.from(clock.instant()), id).update() == 0) {
            return false;
        }
        hub.broadcast(id, playback.frame(id, SessionStatus.INTERRUPTED));
        return true;
    }

    /** The creator is back: INTERRUPTED → LIVE, the same session and playlist. Answers whether it changed anything. */
    @Transactional
    public boolean resume(long id) {
        if (jdbc.sql("update live_sessions set status = 'LIVE', interrupted_at = null where id = ? and status = 'INTERRUPTED'")
                .param(id).update() == 0) {
            return false;
        }
        hub.broadcast(id, playback.frame(id, SessionStatus.LIVE));
        return true;
    }

    /** Ends a session still INTERRUPTED: its reconnect grace ran out. A session that resumed meanwhile stays live. */
    @Transactional
    public boolean endInterrupted(long id) {
        return finish(id, "INTERRUPTED");
    }

    /** Sessions interrupted at or before {@code cutoff} and not back yet. */
    public List<Long> interruptedSince(Instant cutoff) {
        return jdbc.sql("select id from live_sessions where status = 'INTERRUPTED' and interrupted_at <= ? order by interrupted_at")
                .param(Timestamp.from(cutoff)).query(Long.class).list();
    }

    private boolean finish(long id) {
        return finish(id, "LIVE") || finish(id, "INTERRUPTED");
    }

    /** ENDED from {@code from}, with the room told and {@link SessionEnded} published; false when not in that state. */
    private boolean finish(long id, String from) {
        Instant now = clock.instant();
        if (jdbc.sql("update live_sessions set status = 'ENDED', live_slot = null, ended_at = ? where id = ? and status = ?")
                .params(Timestamp.from(now), id, from).update() == 0) {
            return false;
        }
        hub.end(id);
        storeCounters();
        Row ended = row(id);
        events.publishEvent(new SessionEnded(id, ended.creatorId(), ended.startedAt(), now, ended.peakViewers(),
                ended.watchSeconds(), ended.likes(), ended.comments(), ended.newFollowers(), ended.orders(), ended.paidGmv()));
        return true;
    }

    /** Calls off a session that has not started: SCHEDULED → CANCELLED. */
    @Transactional
    public LiveSession cancel(long id, Caller caller) {
        Row row = managed(id, caller);
        if (row.status() == SessionStatus.CANCELLED) {
            return get(id);
        }
        if (jdbc.sql("update live_sessions set status = 'CANCELLED', ended_at = ? where id = ? and status = 'SCHEDULED'")
                .params(Timestamp.from(clock.instant()), id).update() == 0) {
            throw new IllegalTransition("Session " + id + " is " + row(id).status() + "; only a scheduled session can be cancelled");
        }
        hub.end(id);
        events.publishEvent(new SessionCancelled(id, row.creatorId(), clock.instant()));
        return get(id);
    }

    /** The viewer books (预约) a scheduled session, to be told when it starts; booking twice changes nothing. */
    @Transactional
    public long book(long id, Caller viewer) {
        Row row = row(id);
        if (row.status() != SessionStatus.SCHEDULED) {
            throw new IllegalTransition("Only a scheduled session can be booked; this one is " + row.status());
        }
        if (viewer.is(row.creatorId())) {
            throw new IllegalTransition("You host this session");
        }
        int inserted = jdbc.sql("insert into live_bookings (live_session_id, viewer_id, booked_at) values (?, ?, ?) on conflict do nothing")
                .params(id, viewer.accountId(), Timestamp.from(clock.instant())).update();
        if (inserted == 1) {
            jdbc.sql("update live_sessions set bookings = bookings + 1 where id = ?").param(id).update();
        }
        return row(id).bookings();
    }

    public boolean booked(long id, long viewerId) {
        return jdbc.sql("select count(*) from live_bookings where live_session_id = ? and viewer_id = ?").params(id, viewerId)
                .query(Long.class).single() > 0;
    }

    public List<Long> bookedBy(long id) {
        return jdbc.sql("select viewer_id from live_bookings where live_session_id = ? order by viewer_id").param(id)
                .query(Long.class).list();
    }

    public LiveSession get(long id) {
        Row row = row(id);
        return view(row, creators.find(row.creatorId()));
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("select * from live_sessions where id = ?").param(id).query(LiveSessions::map).optional();
    }

    public Row row(long id) {
        return find(id).orElseThrow(() -> new NotFound("live session", id));
    }

    /** The session, if the caller may manage it: its creator or an operator (403 for anyone else). */
    public Row managed(long id, Caller caller) {
        Row row = row(id);
        if (!row.managedBy(caller)) {
            throw new Forbidden("Only the session's creator manages it");
        }
        return row;
    }

    /** The creator's session that is on air now (live or interrupted), if any. */
    public Optional<Row> liveOf(long creatorId) {
        return jdbc.sql("select * from live_sessions where live_slot = ?").param(creatorId).query(LiveSessions::map).optional();
    }

    /**
     * Sessions by status and creator. Without a status: live ones first (most recently started), then scheduled ones
     * (soonest first), then the rest (latest first).
     */
    public PageOf<LiveSession> list(@Nullable SessionStatus status, @Nullable Long creatorId, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name());
        }
        if (creatorId != null) {
            where.append(" and creator_id = ?");
            params.add(creatorId);
        }
        long total = jdbc.sql("select count(*) from live_sessions" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.size());
        paged.add(page.offset());
        List<Row> rows = jdbc.sql("select * from live_sessions" + where + " " + """
                         order by case status when 'LIVE' then 0 when 'INTERRUPTED' then 0 when 'SCHEDULED' then 1 else 2 end,
                                  case when status in ('LIVE', 'INTERRUPTED') then started_at end desc,
                                  case when status = 'SCHEDULED' then scheduled_at end asc,
                                  coalesce(ended_at, scheduled_at) desc, id desc
                         limit ? offset ?""")
                .params(paged).query(LiveSessions::map).list();
        Set<Long> creatorIds = new HashSet<>();
        rows.forEach(r -> creatorIds.add(r.creatorId()));
        Map<Long, Creator> named = creators.all(creatorIds);
        return new PageOf<>(rows.stream().map(r -> view(r, Optional.ofNullable(named.get(r.creatorId())))).toList(),
                page.page(), page.size(), total);
    }

    /** The session's live counts and, once ended, its review; for its creator and operators. */
    public SessionReport report(long id, Caller caller, List<Shelf.Item> items, java.util.function.LongFunction<String> titles) {
        managed(id, caller);
        storeCounters();
        Row row = row(id);
        Instant until = row.endedAt() != null ? row.endedAt() : clock.instant();
        long duration = row.startedAt() == null ? 0 : Math.max(0, until.getEpochSecond() - row.startedAt().getEpochSecond());
        List<SessionReport.Item> perItem = items.stream().map(item -> new SessionReport.Item(item.id(), item.productId(),
                titles.apply(item.productId()), item.views(), item.orders(), item.units(), item.paidAmount(),
                item.views() == 0 ? 0 : Math.round(10_000.0 * item.orders() / item.views()) / 10_000.0)).toList();
        return new SessionReport(id, row.status(), row.startedAt(), row.endedAt(), duration, hub.viewers(id), row.peakViewers(),
                row.sampledSeconds() == 0 ? 0 : Math.round(100.0 * row.viewerSamples() / row.sampledSeconds()) / 100.0,
                row.watchSeconds(), hub.likes(id).orElse(row.likes()), row.comments(), row.newFollowers(), row.fanClubJoins(),
                row.orders(), row.paidGmv(), "CNY", perItem);
    }

    /** Stores what the open rooms counted since the last time: likes, comments, watch time, viewer samples, peak. */
    @Scheduled(fixedDelayString = "${laotie.live.room.counter-flush-interval:5s}")
    public void storeCounters() {
        for (RoomCounters counters : hub.takeCounters()) {
            jdbc.sql("""
                            update live_sessions set likes = likes + ?, comments = comments + ?, watch_seconds = watch_seconds + ?,
                                   viewer_samples = viewer_samples + ?, sampled_seconds = sampled_seconds + ?,
                                   peak_viewers = case when peak_viewers < ? then ? else peak_viewers end
                            where id = ?""")
                    .params(counters.likes(), counters.comments(), counters.watchSeconds(), counters.viewerSamples(),
                            counters.sampledSeconds(), counters.peakViewers(), counters.peakViewers(), counters.liveSessionId())
                    .update();
        }
    }

    LiveSession view(Row row, Optional<Creator> creator) {
        return new LiveSession(row.id(), row.creatorId(), creator.map(Creator::displayName).orElse("?"),
                creator.map(Creator::avatarUrl).orElse(null), row.title(), row.coverUrl(), row.status(), row.scheduledAt(),
                row.startedAt(), row.endedAt(), playback.url(row.id(), row.status()), row.explainingItemId(), row.bookings(), hub.viewers(row.id()),
                hub.likes(row.id()).orElse(row.likes()), row.simulated(), row.createdAt());
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("creator_id"), rs.getString("title"), rs.getString("cover_url"),
                SessionStatus.valueOf(rs.getString("status")), rs.getTimestamp("scheduled_at").toInstant(),
                instant(rs, "started_at"), instant(rs, "ended_at"), rs.getObject("explaining_item_id", Long.class),
                rs.getLong("bookings"), rs.getLong("likes"), rs.getLong("comments"), rs.getInt("peak_viewers"),
                rs.getLong("viewer_samples"), rs.getLong("sampled_seconds"), rs.getLong("watch_seconds"),
                rs.getInt("new_followers"), rs.getInt("fan_club_joins"), rs.getInt("orders"), rs.getLong("paid_gmv"),
                rs.getBoolean("simulated"), rs.getTimestamp("created_at").toInstant());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
