package io.laotie.trust;

import io.laotie.identity.Accounts;
import io.laotie.identity.Caller;
import io.laotie.platform.Forbidden;
import io.laotie.platform.NotFound;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.platform.ValidationFailed;
import io.laotie.social.Creators;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Fan journeys (粉丝旅程) and funnels as their readers see them. Journeys are moved only by the trust module's own
 * listeners (docs/trust-journeys.md); here they are read. The creator and operators see a creator's journeys and
 * funnel; a viewer sees their own journeys.
 */
@Service
public class FanJourneys {

    /** The first-contact sources a funnel can be filtered by. */
    public static final Set<String> SOURCES = Set.of("ROOM", "CREATOR_PAGE", "SEARCH", "PURCHASE", "IMPORT");

    private static final JourneyStage[] STAGES = JourneyStage.values();

    private final JdbcClient jdbc;
    private final Creators creators;
    private final Accounts accounts;
    private final ZoneId zone;

    FanJourneys(JdbcClient jdbc, Creators creators, Accounts accounts, ZoneId zone) {
        this.jdbc = jdbc;
        this.creators = creators;
        this.accounts = accounts;
        this.zone = zone;
    }

    /** The creator's journeys, most recently moved first, optionally of one current stage. */
    public PageOf<FanJourney> ofCreator(Caller caller, long creatorId, @Nullable JourneyStage stage, PageRequest page) {
        mayRead(caller, creatorId);
        String where = "creator_id = :creator" + (stage == null ? "" : " and stage = :stage");
        List<Row> rows = jdbc.sql("select * from fan_journeys where " + where + " order by updated_at desc, id limit :size offset :offset")
                .param("creator", creatorId).param("stage", stage == null ? null : stage.name())
                .param("size", page.size()).param("offset", page.offset())
                .query(FanJourneys::row).list();
        long total = jdbc.sql("select count(*) from fan_journeys where " + where)
                .param("creator", creatorId).param("stage", stage == null ? null : stage.name())
                .query(Long.class).single();
        return new PageOf<>(views(rows, false), page.page(), page.size(), total);
    }

    /** One viewer's journey with the creator, with every step. */
    public FanJourney of(Caller caller, long creatorId, long viewerId) {
        if (!caller.is(viewerId)) {
            mayRead(caller, creatorId);
        }
        Row row = jdbc.sql("select * from fan_journeys where creator_id = ? and viewer_id = ?").params(creatorId, viewerId)
                .query(FanJourneys::row).optional().orElseThrow(() -> new NotFound("journey of viewer " + viewerId + " with creator", creatorId));
        return views(List.of(row), true).getFirst();
    }

    /** The caller's own journeys with every creator. */
    public PageOf<FanJourney> mine(Caller caller, PageRequest page) {
        List<Row> rows = jdbc.sql("select * from fan_journeys where viewer_id = ? order by updated_at desc, id limit ? offset ?")
                .params(caller.accountId(), page.size(), page.offset()).query(FanJourneys::row).list();
        long total = jdbc.sql("select count(*) from fan_journeys where viewer_id = ?").param(caller.accountId())
                .query(Long.class).single();
        return new PageOf<>(views(rows, false), page.page(), page.size(), total);
    }

    /** The creator's funnel; see {@link Funnel}. */
    public Funnel funnel(Caller caller, long creatorId, @Nullable LocalDate from, @Nullable LocalDate to, @Nullable String source) {
        mayRead(caller, creatorId);
        if (from != null && to != null && to.isBefore(from)) {
            throw ValidationFailed.of("to", "must not be before from");
        }
        if (source != null && !SOURCES.contains(source)) {
            throw ValidationFailed.of("source", "must be one of " + String.join(", ", new java.util.TreeSet<>(SOURCES)));
        }
        StringBuilder where = new StringBuilder("creator_id = :creator");
        if (from != null) {
            where.append(" and first_contact_at >= :from");
        }
        if (to != null) {
            where.append(" and first_contact_at < :to");
        }
        if (source != null) {
            where.append(" and source = :source");
        }
        List<Row> cohort = jdbc.sql("select * from fan_journeys where " + where)
                .param("creator", creatorId)
                .param("from", from == null ? null : Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("to", to == null ? null : Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
                .param("source", source)
                .query(FanJourneys::row).list();
        Funnel.Slice all = slice("all", cohort);
        Map<JourneyStage, Long> now = new EnumMap<>(JourneyStage.class);
        long ended = 0;
        for (Row row : cohort) {
            if (row.stage() == null) {
                ended++;
            } else {
                now.merge(row.stage(), 1L, Long::sum);
            }
        }
        List<Funnel.StageCount> current = new ArrayList<>();
        for (JourneyStage stage : STAGES) {
            current.add(new Funnel.StageCount(stage, now.getOrDefault(stage, 0L)));
        }
        current.add(new Funnel.StageCount(null, ended));
        return new Funnel(from, to, source, all.stages(), all.conversions(), current,
                slices(cohort, Row::source), slices(cohort, row -> LocalDate.ofInstant(row.firstContactAt(), zone)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString()));
    }

    private void mayRead(Caller caller, long creatorId) {
        creators.get(creatorId);
        if (!caller.is(creatorId) && !caller.isOperator()) {
            throw new Forbidden("Only the creator and operators see a creator's fan journeys and funnel");
        }
    }

    private record Row(long id, long viewerId, long creatorId, @Nullable JourneyStage stage, String source,
                       Instant firstContactAt, boolean following, Instant[] reached, Instant updatedAt) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Instant[] reached = new Instant[STAGES.length];
        for (JourneyStage stage : STAGES) {
            Timestamp at = rs.getTimestamp(stage.name().toLowerCase() + "_at");
            reached[stage.ordinal()] = at == null ? null : at.toInstant();
        }
        String stage = rs.getString("stage");
        return new Row(rs.getLong("id"), rs.getLong("viewer_id"), rs.getLong("creator_id"),
                stage == null ? null : JourneyStage.valueOf(stage), rs.getString("source"),
                rs.getTimestamp("first_contact_at").toInstant(), rs.getBoolean("following"), reached,
                rs.getTimestamp("updated_at").toInstant());
    }

    private List<FanJourney> views(List<Row> rows, boolean withSteps) {
        Set<Long> people = new HashSet<>();
        rows.forEach(r -> {
            people.add(r.viewerId());
            people.add(r.creatorId());
        });
        Map<Long, String> names = accounts.displayNames(people);
        return rows.stream().map(r -> {
            List<FanJourney.Reached> reached = new ArrayList<>();
            for (JourneyStage stage : STAGES) {
                if (r.reached()[stage.ordinal()] != null) {
                    reached.add(new FanJourney.Reached(stage, r.reached()[stage.ordinal()]));
                }
            }
            return new FanJourney(r.id(), r.viewerId(), names.getOrDefault(r.viewerId(), "?"), r.creatorId(),
                    names.getOrDefault(r.creatorId(), "?"), r.stage(), r.source(), r.firstContactAt(), r.following(),
                    reached, r.updatedAt(), withSteps ? steps(r.id()) : null);
        }).toList();
    }

    private List<FanJourney.Step> steps(long journeyId) {
        return jdbc.sql("select from_stage, to_stage, advanced, cause, at from fan_journey_steps where journey_id = ? order by at, id")
                .param(journeyId)
                .query((rs, n) -> new FanJourney.Step(stage(rs.getString(1)), stage(rs.getString(2)), rs.getBoolean(3),
                        rs.getString(4), rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static @Nullable JourneyStage stage(@Nullable String name) {
        return name == null ? null : JourneyStage.valueOf(name);
    }

    private List<Funnel.Slice> slices(List<Row> cohort, Function<Row, String> key) {
        Map<String, List<Row>> groups = new TreeMap<>();
        cohort.forEach(row -> groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row));
        return groups.entrySet().stream().map(e -> slice(e.getKey(), e.getValue())).toList();
    }

    private static Funnel.Slice slice(String key, List<Row> rows) {
        Map<JourneyStage, Long> reached = new LinkedHashMap<>();
        for (JourneyStage stage : STAGES) {
            reached.put(stage, rows.stream().filter(r -> r.reached()[stage.ordinal()] != null).count());
        }
        List<Funnel.StageCount> stages = reached.entrySet().stream().map(e -> new Funnel.StageCount(e.getKey(), e.getValue())).toList();
        List<Funnel.Conversion> conversions = new ArrayList<>();
        for (int i = 0; i + 1 < STAGES.length; i++) {
            int fromIndex = i;
            long base = reached.get(STAGES[i]);
            List<Double> hours = rows.stream()
                    .filter(r -> r.reached()[fromIndex] != null && r.reached()[fromIndex + 1] != null)
                    .map(r -> Duration.between(r.reached()[fromIndex], r.reached()[fromIndex + 1]).toSeconds() / 3600.0)
                    .sorted().toList();
            conversions.add(new Funnel.Conversion(STAGES[i], STAGES[i + 1], base == 0 ? null : round(hours.size() / (double) base),
                    hours.isEmpty() ? null : round(median(hours))));
        }
        return new Funnel.Slice(key, rows.size(), stages, conversions);
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
