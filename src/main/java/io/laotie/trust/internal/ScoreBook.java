package io.laotie.trust.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the bucket sums of a rolling window: the tallies every score is computed from. */
@Component
public class ScoreBook {

    private final JdbcClient jdbc;
    private final ScoreRules rules;
    private final ZoneId zone;

    public ScoreBook(JdbcClient jdbc, ScoreRules rules, ZoneId platformZone) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.zone = platformZone;
    }

    /** The first day of the window that ends today (by {@code clock}, in the platform zone). */
    public LocalDate windowStart(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone).minusDays(rules.windowDays() - 1L);
    }

    public LocalDate dayOf(java.time.Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    public Tally tally(Subject subject, Clock clock) {
        return tallies(subject.kind(), List.of(subject.id()), clock).getOrDefault(subject.id(), new Tally());
    }

    /** The window's tallies of many subjects of one kind; a subject without buckets is missing from the answer. */
    public Map<Long, Tally> tallies(SubjectKind kind, Collection<Long> ids, Clock clock) {
        Map<Long, Tally> tallies = new HashMap<>();
        if (ids.isEmpty()) {
            return tallies;
        }
        jdbc.sql("""
                        select subject_id, metric, sum(n), sum(s) from score_buckets
                         where subject_kind = :kind and subject_id in (:ids) and bucket_day >= :from
                         group by subject_id, metric""")
                .param("kind", kind.name()).param("ids", ids).param("from", windowStart(clock))
                .query(rs -> {
                    tallies.computeIfAbsent(rs.getLong(1), id -> new Tally())
                            .add(Metric.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4));
                });
        return tallies;
    }
}
