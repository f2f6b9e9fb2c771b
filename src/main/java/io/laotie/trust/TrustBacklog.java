package io.laotie.trust;

import io.laotie.identity.Caller;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the trust chain has yet to absorb (docs/trust-inbox.md), for operators: how many events wait in its inbox and
 * since when, and the events set aside after failing again and again. Once the cause is fixed, an operator puts a
 * set-aside event back in line, and the drain takes it up within its idle poll (a second). Operators only; the security
 * chain keeps {@code /api/operator/**} and {@code /operator/**} to them as well.
 */
@Service
public class TrustBacklog {

    /** Waiting events (not set aside), the time the oldest of them was received, and set-aside events. */
    public record Summary(long waiting, @Nullable Instant oldestWaiting, long setAside) {
    }

    /** An event set aside: its kind, how often it failed alone, the last error, when it came and when it was set aside. */
    public record SetAside(String id, String kind, int attempts, @Nullable String error, Instant receivedAt,
                           Instant setAsideAt) {
    }

    private final JdbcClient jdbc;

    TrustBacklog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Summary summary(Caller caller) {
        requireOperator(caller);
        return jdbc.sql("""
                        select count(case when failed_at is null then 1 end), min(case when failed_at is null then received_at end),
                               count(failed_at)
                          from trust_inbox""")
                .query((rs, n) -> new Summary(rs.getLong(1), instant(rs.getObject(2, OffsetDateTime.class)), rs.getLong(3)))
                .single();
    }

    /** The set-aside events, the most recently set aside first. */
    public PageOf<SetAside> setAside(Caller caller, PageRequest page) {
        requireOperator(caller);
        long total = jdbc.sql("select count(*) from trust_inbox where failed_at is not null").query(Long.class).single();
        List<SetAside> items = jdbc.sql("""
                        select id, kind, attempts, error, received_at, failed_at from trust_inbox
                         where failed_at is not null order by failed_at desc, id desc limit ? offset ?""")
                .params(page.size(), page.offset())
                .query((rs, n) -> new SetAside(Long.toString(rs.getLong("id")), rs.getString("kind"), rs.getInt("attempts"),
                        rs.getString("error"), rs.getObject("received_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("failed_at", OffsetDateTime.class).toInstant()))
                .list();
        return new PageOf<>(items, page.page(), page.size(), total);
    }

    /**
     * Puts a set-aside event back in line with its attempts counted afresh.
     *
     * @throws NotFound no such event, or it is not set aside (it is waiting or absorbed already)
     */
    public void retry(Caller caller, long id) {
        requireOperator(caller);
        int updated = jdbc.sql("update trust_inbox set failed_at = null, attempts = 0 where id = ? and failed_at is not null")
                .param(id).update();
        if (updated == 0) {
            throw new NotFound("Set-aside trust event", id);
        }
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static void requireOperator(Caller caller) {
        if (!caller.isOperator()) {
            throw new NotFound("The trust backlog is for operators");
        }
    }
}
