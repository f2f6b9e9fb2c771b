package io.laotie.social;

import io.laotie.platform.Ids;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The in-app inbox (站内信): notifications written in batches, read newest first by their owner only. */
@Service
public class Inbox {

    private static final int BATCH = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Ids ids;
    private final Follows follows;
    private final Creators creators;
    private final Clock clock;

    Inbox(JdbcClient jdbc, JdbcTemplate batches, Ids ids, Follows follows, Creators creators, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.ids = ids;
        this.follows = follows;
        this.creators = creators;
        this.clock = clock;
    }

    /**
     * Tells everyone who booked the session and every follower of its creator that it went live, once each: a
     * follower who also booked gets one message. Followers are walked in batches, so a large audience is fine.
     */
    @Transactional
    public int sessionStarted(long creatorId, long liveSessionId, String title, Collection<Long> bookedBy) {
        Set<Long> told = new HashSet<>(bookedBy);
        deliver(bookedBy, InboxMessage.Kind.SESSION_STARTED, creatorId, liveSessionId, title);
        int count = bookedBy.size();
        long after = Long.MIN_VALUE;
        while (true) {
            List<Long> page = follows.followerIds(creatorId, after, BATCH);
            if (page.isEmpty()) {
                break;
            }
            List<Long> fresh = page.stream().filter(id -> !told.contains(id)).toList();
            deliver(fresh, InboxMessage.Kind.SESSION_STARTED, creatorId, liveSessionId, title);
            count += fresh.size();
            after = page.getLast();
        }
        return count;
    }

    private void deliver(Collection<Long> accountIds, InboxMessage.Kind kind, @Nullable Long creatorId,
                         @Nullable Long liveSessionId, String title) {
        if (accountIds.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>();
        for (long accountId : accountIds) {
            rows.add(new Object[]{ids.next(), accountId, kind.name(), creatorId, liveSessionId, title, now});
        }
        batches.batchUpdate("""
                insert into inbox_messages (id, account_id, kind, creator_id, live_session_id, title, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    /** The account's messages, newest first, with the creators' names. */
    public PageOf<InboxMessage> of(long accountId, PageRequest page) {
        RowMapper<InboxMessage> row = (rs, n) -> new InboxMessage(rs.getLong("id"),
                InboxMessage.Kind.valueOf(rs.getString("kind")), rs.getObject("creator_id", Long.class), null,
                rs.getObject("live_session_id", Long.class), rs.getString("title"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant());
        List<InboxMessage> items = jdbc.sql("select * from inbox_messages where account_id = ? order by id desc limit ? offset ?")
                .params(accountId, page.size(), page.offset()).query(row).list();
        Set<Long> creatorIds = new HashSet<>();
        items.forEach(m -> {
            if (m.creatorId() != null) {
                creatorIds.add(m.creatorId());
            }
        });
        Map<Long, Creator> named = creators.all(creatorIds);
        items = items.stream().map(m -> m.creatorId() == null || !named.containsKey(m.creatorId()) ? m
                : new InboxMessage(m.id(), m.kind(), m.creatorId(), named.get(m.creatorId()).displayName(), m.liveSessionId(),
                m.title(), m.createdAt(), m.readAt())).toList();
        long total = jdbc.sql("select count(*) from inbox_messages where account_id = ?").param(accountId).query(Long.class).single();
        return new PageOf<>(items, page.page(), page.size(), total);
    }

    public long unread(long accountId) {
        return jdbc.sql("select count(*) from inbox_messages where account_id = ? and read_at is null").param(accountId)
                .query(Long.class).single();
    }

    /** Marks all of the account's messages read. */
    @Transactional
    public void readAll(long accountId) {
        jdbc.sql("update inbox_messages set read_at = ? where account_id = ? and read_at is null")
                .params(Timestamp.from(clock.instant()), accountId).update();
    }
}
