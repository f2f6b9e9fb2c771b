package io.laotie.social;

import io.laotie.platform.IllegalTransition;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Fan clubs (粉丝团): a viewer joins a creator's club (free; paid entry is out of scope), earns intimacy (亲密度) from
 * watch time, comments, likes and purchases up to a daily cap, and rises in level; members wear the club's badge.
 */
@Service
public class FanClubs {

    private final JdbcClient jdbc;
    private final Creators creators;
    private final Follows follows;
    private final SocialProperties properties;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    FanClubs(JdbcClient jdbc, Creators creators, Follows follows, SocialProperties properties, Clock clock,
             ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.creators = creators;
        this.follows = follows;
        this.properties = properties;
        this.clock = clock;
        this.events = events;
    }

    private RowMapper<Membership> row() {
        return (rs, n) -> new Membership(rs.getLong("creator_id"), rs.getLong("viewer_id"), rs.getLong("intimacy"),
                rs.getInt("level"), properties.nextLevelAt(rs.getInt("level")), rs.getTimestamp("joined_at").toInstant());
    }

    /**
     * The viewer joins the creator's fan club, following the creator too when not yet following. Joining twice
     * answers the membership as it is.
     */
    @Transactional
    public Membership join(long viewerId, long creatorId, FollowSource source, @Nullable Long liveSessionId) {
        creators.get(creatorId);
        if (viewerId == creatorId) {
            throw new IllegalTransition("A creator cannot join their own fan club");
        }
        follows.follow(viewerId, creatorId, source, liveSessionId);
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
                        insert into fan_club_members (creator_id, viewer_id, intimacy, level, joined_at)
                        values (?, ?, 0, 1, ?) on conflict do nothing""")
                .params(creatorId, viewerId, Timestamp.from(now)).update();
        if (inserted == 1) {
            jdbc.sql("update creators set fan_club_members = fan_club_members + 1 where id = ?").param(creatorId).update();
            events.publishEvent(new FanClubJoined(viewerId, creatorId, source == FollowSource.ROOM ? liveSessionId : null, now));
        }
        return membership(creatorId, viewerId).orElseThrow();
    }

    public Optional<Membership> membership(long creatorId, long viewerId) {
        return jdbc.sql("select * from fan_club_members where creator_id = ? and viewer_id = ?").params(creatorId, viewerId)
                .query(row()).optional();
    }

    /** The club's members, highest intimacy first. */
    public PageOf<Membership> members(long creatorId, PageRequest page) {
        Creator creator = creators.get(creatorId);
        List<Membership> items = jdbc.sql("""
                        select * from fan_club_members where creator_id = ? order by intimacy desc, joined_at limit ? offset ?""")
                .params(creatorId, page.size(), page.offset()).query(row()).list();
        return new PageOf<>(items, page.page(), page.size(), creator.fanClubMembers());
    }

    /** The badges the given viewers wear in the creator's room; viewers who are not members are absent. */
    public Map<Long, Badge> badges(long creatorId, Collection<Long> viewerIds) {
        if (viewerIds.isEmpty()) {
            return Map.of();
        }
        String club = clubName(creators.get(creatorId));
        return jdbc.sql("select viewer_id, level from fan_club_members where creator_id = :creator and viewer_id in (:viewers)")
                .param("creator", creatorId).param("viewers", viewerIds)
                .query((rs, n) -> Map.entry(rs.getLong(1), new Badge(club, rs.getInt(2))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** The name on the badge: the creator's name, short enough for a badge. */
    static String clubName(Creator creator) {
        String name = creator.displayName();
        return name.codePointCount(0, name.length()) <= 6 ? name : name.substring(0, name.offsetByCodePoints(0, 6));
    }

    /**
     * Adds intimacy to a member, at most the daily cap per creator and platform-zone day; a non-member earns nothing.
     * Publishes {@link FanClubLevelReached} for each level gained.
     */
    @Transactional
    public void earn(long creatorId, long viewerId, long points) {
        if (points <= 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Optional<long[]> current = jdbc.sql("""
                        select intimacy, level, points_day, points_today from fan_club_members
                        where creator_id = ? and viewer_id = ? for update""")
                .params(creatorId, viewerId)
                .query((rs, n) -> {
                    java.sql.Date day = rs.getDate(3);
                    long earnedToday = day != null && day.toLocalDate().equals(today) ? rs.getLong(4) : 0;
                    return new long[]{rs.getLong(1), rs.getInt(2), earnedToday};
                })
                .optional();
        if (current.isEmpty()) {
            return;
        }
        long granted = Math.min(points, Math.max(0, properties.dailyIntimacyCap() - current.get()[2]));
        if (granted == 0) {
            return;
        }
        long intimacy = current.get()[0] + granted;
        int before = (int) current.get()[1];
        int level = Math.max(before, properties.levelOf(intimacy));
        jdbc.sql("""
                        update fan_club_members set intimacy = ?, level = ?, points_day = ?, points_today = ?
                        where creator_id = ? and viewer_id = ?""")
                .params(intimacy, level, java.sql.Date.valueOf(today), current.get()[2] + granted, creatorId, viewerId)
                .update();
        Instant now = clock.instant();
        for (int reached = before + 1; reached <= level; reached++) {
            events.publishEvent(new FanClubLevelReached(viewerId, creatorId, reached, intimacy, now));
        }
    }

    /** The clubs the viewer belongs to. */
    public List<Membership> of(long viewerId) {
        return jdbc.sql("select * from fan_club_members where viewer_id = ? order by intimacy desc").param(viewerId)
                .query(row()).list();
    }
}
