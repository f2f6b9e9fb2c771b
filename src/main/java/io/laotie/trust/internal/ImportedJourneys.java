package io.laotie.trust.internal;

import io.laotie.order.ImportedOrder;
import io.laotie.order.OrderHistoryImported;
import io.laotie.platform.Ids;
import io.laotie.trust.JourneyStage;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.laotie.trust.JourneyStage.CONVERTED;
import static io.laotie.trust.JourneyStage.REPURCHASING;
import static io.laotie.trust.JourneyStage.TRUSTING;

/**
 * Fan journeys from imported order history, by the same rules as live orders (docs/trust-journeys.md), in bulk: an
 * imported order is paid and kept on its date (it is COMPLETED and never refunded), so its buyer converts on the first
 * order, trusts at once (kept without a quality refund) and repurchases on a second distinct day. Each chunk is
 * applied with a handful of batched statements instead of a dozen per order. Placeholder buyers are linked to nobody,
 * so nothing is discounted, and the journeys' steps publish no events: they tell the past, not news.
 */
@Component
class ImportedJourneys implements ImportedChunkStep {

    private static final int IN_LIST = 1_000;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Ids ids;
    private final ZoneId zone;

    ImportedJourneys(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, Ids ids, ZoneId platformZone) {
        this.jdbc = jdbc;
        this.named = named;
        this.ids = ids;
        this.zone = platformZone;
    }

    private static final class Journey {
        long id;
        @Nullable JourneyStage stage;
        final Set<LocalDate> paidDays = new HashSet<>();
        final Map<JourneyStage, Instant> reached = new HashMap<>();
        boolean changed;
    }

    @Override
    public void absorb(OrderHistoryImported chunk, List<ImportedOrder> orders) {
        long creatorId = chunk.creatorId();
        Map<Long, List<ImportedOrder>> byBuyer = new TreeMap<>();
        orders.forEach(o -> byBuyer.computeIfAbsent(o.buyerId(), b -> new ArrayList<>()).add(o));
        byBuyer.values().forEach(list -> list.sort(Comparator.comparing(ImportedOrder::orderedAt).thenComparing(ImportedOrder::orderId)));

        List<Object[]> starts = new ArrayList<>();
        byBuyer.forEach((buyer, list) -> {
            Timestamp first = Timestamp.from(list.getFirst().orderedAt());
            starts.add(new Object[]{ids.next(), buyer, creatorId, first, first});
        });
        jdbc.batchUpdate("""
                insert into fan_journeys (id, viewer_id, creator_id, source, first_contact_at, stage, following, updated_at)
                values (?, ?, ?, 'IMPORT', ?, null, false, ?) on conflict do nothing""", starts);

        Map<Long, Journey> journeys = lock(creatorId, List.copyOf(byBuyer.keySet()));
        List<Object[]> journeyOrders = new ArrayList<>();
        List<Object[]> steps = new ArrayList<>();
        byBuyer.forEach((buyer, list) -> {
            Journey journey = journeys.get(buyer);
            for (ImportedOrder order : list) {
                Instant at = order.orderedAt();
                String cause = "OrderHistoryImported:" + order.orderId();
                journeyOrders.add(new Object[]{order.orderId(), journey.id, java.sql.Date.valueOf(LocalDate.ofInstant(at, zone))});
                journey.paidDays.add(LocalDate.ofInstant(at, zone));
                if (journey.stage == null || !journey.stage.atLeast(CONVERTED)) {
                    move(journey, CONVERTED, at, cause, steps);
                }
                if (journey.stage == CONVERTED) {
                    move(journey, TRUSTING, at, cause, steps);
                }
                if (journey.paidDays.size() >= 2 && !journey.stage.atLeast(REPURCHASING)) {
                    move(journey, REPURCHASING, at, cause, steps);
                }
            }
        });
        jdbc.batchUpdate("insert into fan_journey_orders (order_id, journey_id, paid_day, refunded) values (?, ?, ?, false) on conflict do nothing",
                journeyOrders);
        jdbc.batchUpdate("insert into fan_journey_steps (id, journey_id, from_stage, to_stage, advanced, cause, at) values (?, ?, ?, ?, true, ?, ?)",
                steps);
        List<Object[]> updates = new ArrayList<>();
        for (Journey journey : journeys.values()) {
            if (journey.changed) {
                Timestamp converted = at(journey, CONVERTED);
                Timestamp trusting = at(journey, TRUSTING);
                Timestamp repurchasing = at(journey, REPURCHASING);
                updates.add(new Object[]{journey.stage.name(), converted, converted, trusting, trusting, repurchasing,
                        repurchasing, latest(journey), journey.id});
            }
        }
        jdbc.batchUpdate("""
                update fan_journeys set stage = ?,
                       converted_at = coalesce(least(coalesce(converted_at, ?), ?), converted_at),
                       trusting_at = coalesce(least(coalesce(trusting_at, ?), ?), trusting_at),
                       repurchasing_at = coalesce(least(coalesce(repurchasing_at, ?), ?), repurchasing_at),
                       updated_at = greatest(updated_at, ?) where id = ?""", updates);
        List<Object[]> firsts = new ArrayList<>();
        byBuyer.forEach((buyer, list) -> firsts.add(new Object[]{Timestamp.from(list.getFirst().orderedAt()), journeys.get(buyer).id}));
        // an imported history may come in any order; a journey that began live keeps its first contact
        jdbc.batchUpdate("update fan_journeys set first_contact_at = least(first_contact_at, ?) where id = ? and source = 'IMPORT'", firsts);
    }

    private void move(Journey journey, JourneyStage to, Instant at, String cause, List<Object[]> steps) {
        steps.add(new Object[]{ids.next(), journey.id, journey.stage == null ? null : journey.stage.name(), to.name(), cause, Timestamp.from(at)});
        journey.stage = to;
        journey.reached.putIfAbsent(to, at);
        journey.changed = true;
    }

    private static @Nullable Timestamp at(Journey journey, JourneyStage stage) {
        Instant at = journey.reached.get(stage);
        return at == null ? null : Timestamp.from(at);
    }

    private static Timestamp latest(Journey journey) {
        return Timestamp.from(journey.reached.values().stream().max(Comparator.naturalOrder()).orElseThrow());
    }

    /** Locks the creator's journeys of these buyers, in buyer order, with what they hold already. */
    private Map<Long, Journey> lock(long creatorId, List<Long> buyers) {
        Map<Long, Journey> journeys = new HashMap<>();
        for (int from = 0; from < buyers.size(); from += IN_LIST) {
            List<Long> part = buyers.subList(from, Math.min(buyers.size(), from + IN_LIST));
            MapSqlParameterSource params = new MapSqlParameterSource("creator", creatorId).addValue("buyers", part);
            named.query("""
                    select id, viewer_id, stage from fan_journeys where creator_id = :creator and viewer_id in (:buyers)
                    order by viewer_id for update""", params, rs -> {
                Journey journey = new Journey();
                journey.id = rs.getLong(1);
                String stage = rs.getString(3);
                journey.stage = stage == null ? null : JourneyStage.valueOf(stage);
                journeys.put(rs.getLong(2), journey);
            });
            named.query("""
                    select j.viewer_id, o.paid_day from fan_journey_orders o join fan_journeys j on j.id = o.journey_id
                     where j.creator_id = :creator and j.viewer_id in (:buyers) and not o.refunded""", params,
                    rs -> {
                        journeys.get(rs.getLong(1)).paidDays.add(rs.getDate(2).toLocalDate());
                    });
        }
        return journeys;
    }
}
