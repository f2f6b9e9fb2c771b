package io.laotie.trust.internal;

import io.laotie.platform.Ids;
import io.laotie.platform.PageOf;
import io.laotie.platform.PageRequest;
import io.laotie.trust.BrushingFlag;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Brushing (刷单) patterns toward one shop or creator, and their flags: at least a configured number of orders from
 * new or linked accounts, of receipts confirmed at once, or of near-identical reviews within the window. Called by the
 * {@link ScoreIntake} while it holds the target's lock, so two signals never race to open the same flag.
 */
@Component
public class Brushing {

    /** A pattern that reached its threshold: the buyers behind it. */
    public record Finding(String code, String detail, int count, Set<Long> buyers) {
    }

    private final JdbcClient jdbc;
    private final Ids ids;
    private final SignalWeights weights;
    private final ScoreRules.Brushing rules;

    Brushing(JdbcClient jdbc, Ids ids, SignalWeights weights, ScoreRules rules) {
        this.jdbc = jdbc;
        this.ids = ids;
        this.weights = weights;
        this.rules = rules.brushing();
    }

    /** Whether the fact could complete a pattern, so the intake must look (and store what it holds first). */
    boolean worthChecking(Fact fact) {
        return switch (fact.kind()) {
            case ORDER_PAID, DELIVERED -> fact.suspect();
            case REVIEW -> fact.reviewText() != null && fact.reviewText().length() >= 4;
            default -> false;
        };
    }

    /** The pattern the fact completes toward {@code target}, counting the stored facts of the window and this one. */
    Optional<Finding> find(Fact fact, Subject target) {
        String column = column(target);
        OffsetDateTime from = utc(fact.at().minus(rules.window()));
        switch (fact.kind()) {
            case ORDER_PAID, DELIVERED -> {
                // listeners may hear a burst out of order: look on both sides of this fact for a window that holds it
                record Signal(long actor, Instant at) {
                }
                List<Signal> signals = new ArrayList<>(jdbc.sql("select actor_id, at from score_facts where " + column
                                + " = ? and kind = ? and suspect and at > ? and at < ?")
                        .params(target.id(), fact.kind().name(), from, utc(fact.at().plus(rules.window())))
                        .query((rs, n) -> new Signal(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant())).list());
                Signal current = new Signal(fact.actorId(), fact.at());
                signals.add(current);
                signals.sort(java.util.Comparator.comparing(Signal::at));
                int threshold = fact.kind() == FactKind.ORDER_PAID ? rules.orders() : rules.instantReceipts();
                List<Signal> best = List.of();
                for (int i = 0, j = 0; i < signals.size(); i++) {
                    if (j < i) {
                        j = i;
                    }
                    while (j + 1 < signals.size() && signals.get(j + 1).at().isBefore(signals.get(i).at().plus(rules.window()))) {
                        j++;
                    }
                    List<Signal> window = signals.subList(i, j + 1);
                    if (window.size() > best.size() && window.contains(current)) {
                        best = window;
                    }
                }
                int count = best.size();
                if (count < threshold) {
                    return Optional.empty();
                }
                Set<Long> buyers = new LinkedHashSet<>();
                best.forEach(signal -> buyers.add(signal.actor()));
                return Optional.of(fact.kind() == FactKind.ORDER_PAID
                        ? new Finding("ORDER_BURST", count + " orders within " + rules.window().toHours()
                        + " h from new or linked accounts", count, buyers)
                        : new Finding("INSTANT_RECEIPTS", count + " receipts confirmed within "
                        + rules.instantReceiptWithin().toMinutes() + " min of shipment", count, buyers));
            }
            case REVIEW -> {
                record Text(long actor, String text) {
                }
                List<Text> recent = jdbc.sql("select actor_id, review_text from score_facts where " + column
                                + " = ? and kind = 'REVIEW' and review_text is not null and actor_id <> ? and at > ? and at < ?"
                                + " order by at desc limit 200")
                        .params(target.id(), fact.actorId(), from, utc(fact.at().plus(rules.window())))
                        .query((rs, n) -> new Text(rs.getLong(1), rs.getString(2))).list();
                Set<Long> buyers = new LinkedHashSet<>();
                int count = 1;
                for (Text other : recent) {
                    if (similarity(fact.reviewText(), other.text) >= rules.similarity()) {
                        buyers.add(other.actor);
                        count++;
                    }
                }
                if (count < rules.similarReviews()) {
                    return Optional.empty();
                }
                buyers.add(fact.actorId());
                return Optional.of(new Finding("SIMILAR_REVIEWS", count + " near-identical reviews within "
                        + rules.window().toHours() + " h", count, buyers));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * Adds the finding's buyers (other than {@code exempt} ones, cleared before by an operator) to the target's open
     * flag, opening one if there is none, and records the reason; answers the buyers newly flagged.
     */
    Set<Long> flag(Subject target, Finding finding, Set<Long> exempt, Set<Long> alreadyFlagged, Instant at) {
        Set<Long> added = new LinkedHashSet<>(finding.buyers());
        added.removeAll(exempt);
        added.removeAll(alreadyFlagged);
        Optional<Long> open = jdbc.sql("select id from brushing_flags where target_kind = ? and target_id = ? and status = 'OPEN'")
                .params(target.kind().name(), target.id()).query(Long.class).optional();
        if (added.isEmpty()) {
            // buyers already flagged show one more pattern: it strengthens the open flag's reasons
            if (open.isPresent() && finding.buyers().stream().anyMatch(alreadyFlagged::contains)) {
                reason(open.get(), finding.code(), finding.detail(), finding.count());
            }
            return added;
        }
        long flagId = open.orElseGet(() -> {
            long id = ids.next();
            jdbc.sql("insert into brushing_flags (id, target_kind, target_id, status, opened_at) values (?, ?, ?, 'OPEN', ?)")
                    .params(id, target.kind().name(), target.id(), utc(at)).update();
            return id;
        });
        for (long buyer : added) {
            jdbc.sql("insert into brushing_flag_buyers (flag_id, buyer_id) values (?, ?) on conflict do nothing")
                    .params(flagId, buyer).update();
        }
        reason(flagId, finding.code(), finding.detail(), finding.count());
        List<Long> all = jdbc.sql("select buyer_id from brushing_flag_buyers where flag_id = ? order by buyer_id limit 12")
                .param(flagId).query(Long.class).list();
        int sharing = 0;
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (weights.shareNetwork(all.get(i), all.get(j))) {
                    sharing++;
                }
            }
        }
        if (sharing > 0) {
            reason(flagId, "SHARED_NETWORK", sharing + " pairs of flagged buyers logged in from the same IP address"
                    + " and user agent", sharing);
        }
        return added;
    }

    private void reason(long flagId, String code, String detail, int count) {
        int updated = jdbc.sql("update brushing_flag_reasons set detail = ?, hits = ? where flag_id = ? and code = ? and hits <= ?")
                .params(detail, count, flagId, code, count).update();
        if (updated == 0) {
            jdbc.sql("insert into brushing_flag_reasons (flag_id, code, detail, hits) values (?, ?, ?, ?) on conflict do nothing")
                    .params(flagId, code, detail, count).update();
        }
    }

    /** Buyers of the target's open flag: their signals toward it do not count. */
    Set<Long> openBuyers(Subject target) {
        return buyers(target, "OPEN");
    }

    /** Buyers an operator cleared for the target: no later pattern flags them again. */
    Set<Long> exemptBuyers(Subject target) {
        return buyers(target, "CLEARED");
    }

    private Set<Long> buyers(Subject target, String status) {
        return new HashSet<>(jdbc.sql("""
                        select b.buyer_id from brushing_flag_buyers b join brushing_flags f on f.id = b.flag_id
                         where f.target_kind = ? and f.target_id = ? and f.status = ?""")
                .params(target.kind().name(), target.id(), status).query(Long.class).list());
    }

    /** Every open flag's buyers by target, for the full recomputation. */
    Map<Subject, Set<Long>> allOpenBuyers() {
        Map<Subject, Set<Long>> open = new HashMap<>();
        jdbc.sql("""
                        select f.target_kind, f.target_id, b.buyer_id from brushing_flag_buyers b
                          join brushing_flags f on f.id = b.flag_id where f.status = 'OPEN'""")
                .query(rs -> {
                    open.computeIfAbsent(new Subject(SubjectKind.valueOf(rs.getString(1)), rs.getLong(2)), s -> new HashSet<>())
                            .add(rs.getLong(3));
                });
        return open;
    }

    record FlagRow(long id, Subject target, String status) {
    }

    Optional<FlagRow> find(long flagId) {
        return jdbc.sql("select id, target_kind, target_id, status from brushing_flags where id = ?").param(flagId)
                .query((rs, n) -> new FlagRow(rs.getLong(1), new Subject(SubjectKind.valueOf(rs.getString(2)), rs.getLong(3)),
                        rs.getString(4))).optional();
    }

    /** Marks an open flag cleared; answers its buyers. */
    Set<Long> markCleared(long flagId, long operatorId, Instant at) {
        jdbc.sql("update brushing_flags set status = 'CLEARED', cleared_at = ?, cleared_by = ? where id = ? and status = 'OPEN'")
                .params(utc(at), operatorId, flagId).update();
        return new HashSet<>(jdbc.sql("select buyer_id from brushing_flag_buyers where flag_id = ?").param(flagId)
                .query(Long.class).list());
    }

    /** Flags, open ones first, newest first. */
    public PageOf<BrushingFlag> list(@Nullable String status, PageRequest page) {
        String where = status == null ? "" : " where status = '" + ("CLEARED".equals(status) ? "CLEARED" : "OPEN") + "'";
        long total = jdbc.sql("select count(*) from brushing_flags" + where).query(Long.class).single();
        record Row(long id, String kind, long target, String status, Instant opened, @Nullable Instant cleared) {
        }
        List<Row> rows = jdbc.sql("select id, target_kind, target_id, status, opened_at, cleared_at from brushing_flags" + where
                        + " order by case when status = 'OPEN' then 0 else 1 end, opened_at desc, id desc limit ? offset ?")
                .params(page.size(), page.offset())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(),
                        Optional.ofNullable(rs.getObject(6, OffsetDateTime.class)).map(OffsetDateTime::toInstant).orElse(null)))
                .list();
        List<BrushingFlag> items = new ArrayList<>();
        for (Row r : rows) {
            List<String> buyers = jdbc.sql("select buyer_id from brushing_flag_buyers where flag_id = ? order by buyer_id")
                    .param(r.id).query(Long.class).list().stream().map(String::valueOf).toList();
            List<BrushingFlag.Reason> reasons = jdbc.sql("select code, detail, hits from brushing_flag_reasons where flag_id = ? order by code")
                    .param(r.id).query((rs, n) -> new BrushingFlag.Reason(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
            items.add(new BrushingFlag(r.id, r.kind, r.target, r.status, r.opened, r.cleared, buyers, reasons));
        }
        return new PageOf<>(items, page.page(), page.size(), total);
    }

    static String column(Subject target) {
        return switch (target.kind()) {
            case SHOP -> "shop_id";
            case CREATOR -> "creator_id";
            case PRODUCT -> throw new IllegalArgumentException("products are flagged through their shop");
        };
    }

    /** Review text reduced to what makes it: letters and digits, lower case, width-normalised (NFKC). */
    public static @Nullable String normalise(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(out::appendCodePoint);
        String result = out.length() > 2000 ? out.substring(0, 2000) : out.toString();
        return result.isEmpty() ? null : result;
    }

    /** Dice coefficient of the two texts' character bigrams: 1 for the same text, near 0 for unrelated ones. */
    public static double similarity(@Nullable String a, @Nullable String b) {
        if (a == null || b == null) {
            return 0;
        }
        if (a.length() < 2 || b.length() < 2) {
            return a.equals(b) ? 1 : 0;
        }
        Map<String, Integer> grams = new HashMap<>();
        for (int i = 0; i + 1 < a.length(); i++) {
            grams.merge(a.substring(i, i + 2), 1, Integer::sum);
        }
        int shared = 0;
        for (int i = 0; i + 1 < b.length(); i++) {
            Integer left = grams.get(b.substring(i, i + 2));
            if (left != null && left > 0) {
                shared++;
                grams.put(b.substring(i, i + 2), left - 1);
            }
        }
        return 2.0 * shared / ((a.length() - 1) + (b.length() - 1));
    }

    static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
