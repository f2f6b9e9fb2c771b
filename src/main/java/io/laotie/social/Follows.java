package io.laotie.social;

import io.laotie.platform.IllegalTransition;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Follows (关注). Following twice or unfollowing when not following changes nothing and publishes nothing, so a
 * retried request is harmless. Counts are kept on the creator by guarded increments, never recounted per request.
 */
@Service
public class Follows {

    /** One follower as the creator's page lists them. */
    public record Follower(long viewerId, FollowSource source, Instant followedAt) {
    }

    private final JdbcClient jdbc;
    private final Creators creators;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Follows(JdbcClient jdbc, Creators creators, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.creators = creators;
        this.clock = clock;
        this.events = events;
    }

    /**
     * The viewer follows the creator. {@code liveSessionId} names the room for a follow from {@link FollowSource#ROOM};
     * the caller (the live module) has checked it. Answers whether a new follow was made.
     */
    @Transactional
    public boolean follow(long viewerId, long creatorId, FollowSource source, @Nullable Long liveSessionId) {
        creators.get(creatorId);
        if (viewerId == creatorId) {
            throw new IllegalTransition("A creator cannot follow themselves");
        }
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into follows (viewer_id, creator_id, source, live_session_id, followed_at)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(viewerId, creatorId, source.name(), liveSessionId, Timestamp.from(now))
                .update();
        if (inserted == 0) {
            return false;
        }
        jdbc.sql("update creators set followers = followers + 1 where id = ?").param(creatorId).update();
        events.publishEvent(new CreatorFollowed(viewerId, creatorId, source, source == FollowSource.ROOM ? liveSessionId : null, now));
        return true;
    }

    /** The viewer stops following; answers whether there was a follow to end. */
    @Transactional
    public boolean unfollow(long viewerId, long creatorId) {
        creators.get(creatorId);
        Optional<Instant> since = followedAt(viewerId, creatorId);
        if (since.isEmpty() || jdbc.sql("delete from follows where viewer_id = ? and creator_id = ?")
                .params(viewerId, creatorId).update() == 0) {
            return false;
        }
        jdbc.sql("update creators set followers = followers - 1 where id = ? and followers > 0").param(creatorId).update();
        events.publishEvent(new CreatorUnfollowed(viewerId, creatorId, since.get(), clock.instant()));
        return true;
    }

    public Optional<Instant> followedAt(long viewerId, long creatorId) {
        return jdbc.sql("select followed_at from follows where viewer_id = ? and creator_id = ?").params(viewerId, creatorId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    public boolean follows(long viewerId, long creatorId) {
        return followedAt(viewerId, creatorId).isPresent();
    }

    public long count(long creatorId) {
        return creators.get(creatorId).followers();
    }

    /** The creator's followers, newest first. */
    public PageOf<Follower> followers(long creatorId, PageRequest page) {
        List<Follower> items = jdbc.sql("""
                        select viewer_id, source, followed_at from follows where creator_id = ?
                        order by followed_at desc, viewer_id limit ? offset ?""")
                .params(creatorId, page.size(), page.offset())
                .query((rs, n) -> new Follower(rs.getLong(1), FollowSource.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant()))
                .list();
        return new PageOf<>(items, page.page(), page.size(), count(creatorId));
    }

    /** Follower ids after {@code afterViewerId}, in id order, for walking a large audience in batches. */
    public List<Long> followerIds(long creatorId, long afterViewerId, int limit) {
        return jdbc.sql("select viewer_id from follows where creator_id = ? and viewer_id > ? order by viewer_id limit ?")
                .params(creatorId, afterViewerId, limit).query(Long.class).list();
    }

    /** The creators the viewer follows, newest follow first. */
    public List<Long> followedBy(long viewerId, int limit) {
        return jdbc.sql("select creator_id from follows where viewer_id = ? order by followed_at desc limit ?")
                .params(viewerId, limit).query(Long.class).list();
    }
}
