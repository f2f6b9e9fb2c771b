package io.laotie.social;

import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.identity.Role;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Creator profiles: any account becomes a creator (the creator id is its account id) and gains the CREATOR role. */
@Service
public class Creators {

    static final RowMapper<Creator> ROW = (rs, n) -> new Creator(rs.getLong("id"), rs.getString("display_name"),
            rs.getString("avatar_url"), rs.getString("bio"), rs.getLong("followers"), rs.getLong("fan_club_members"),
            rs.getTimestamp("created_at").toInstant());

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;

    Creators(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Makes the caller a creator; an account is a creator once, after which it edits its profile instead. */
    @Transactional
    public Creator become(Caller caller, NewCreator profile) {
        if (find(caller.accountId()).isPresent()) {
            throw new IllegalTransition("You are a creator already; edit your profile instead");
        }
        jdbc.sql("insert into creators (id, display_name, avatar_url, bio, created_at) values (?, ?, ?, ?, ?)")
                .params(caller.accountId(), profile.displayName().strip(), profile.avatarUrl(), profile.bio().strip(),
                        Timestamp.from(clock.instant()))
                .update();
        accounts.grantRole(caller.accountId(), Role.CREATOR);
        return get(caller.accountId());
    }

    /** Changes the caller's own profile. */
    @Transactional
    public Creator update(Caller caller, NewCreator profile) {
        get(caller.accountId());
        jdbc.sql("update creators set display_name = ?, avatar_url = ?, bio = ? where id = ?")
                .params(profile.displayName().strip(), profile.avatarUrl(), profile.bio().strip(), caller.accountId())
                .update();
        return get(caller.accountId());
    }

    public Optional<Creator> find(long creatorId) {
        return jdbc.sql("select * from creators where id = ?").param(creatorId).query(ROW).optional();
    }

    /** The creator, or {@link NotFound}. */
    public Creator get(long creatorId) {
        return find(creatorId).orElseThrow(() -> new NotFound("creator", creatorId));
    }

    public Map<Long, Creator> all(Collection<Long> creatorIds) {
        if (creatorIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from creators where id in (:ids)").param("ids", creatorIds).query(ROW).list().stream()
                .collect(Collectors.toMap(Creator::id, c -> c));
    }

    /** Creators by followers, most first, optionally matching a name. */
    public PageOf<Creator> list(String query, PageRequest page) {
        String like = "%" + query.strip().toLowerCase() + "%";
        List<Creator> items = jdbc.sql("""
                        select * from creators where lower(display_name) like ? order by followers desc, id
                        limit ? offset ?""")
                .params(like, page.size(), page.offset()).query(ROW).list();
        long total = jdbc.sql("select count(*) from creators where lower(display_name) like ?").param(like)
                .query(Long.class).single();
        return new PageOf<>(items, page.page(), page.size(), total);
    }
}
