package io.laotie.trust.internal;

import io.laotie.trust.ShopExperience;
import io.laotie.trust.TrustScore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The full recomputation: reads the whole fact log and the open flags and folds them in memory into every subject's
 * window tally, without the buckets and without any of {@link ScoreIntake}'s code. Its scores must equal the
 * incremental ones; ScoreConsistencyTests checks that they do.
 */
@Component
public class FullRecomputation {

    private final JdbcTemplate template;
    private final Brushing brushing;
    private final ScoreBook book;
    private final Scoring scoring;

    public FullRecomputation(JdbcTemplate template, Brushing brushing, ScoreBook book, ScoreRules rules) {
        this.template = template;
        this.brushing = brushing;
        this.book = book;
        this.scoring = new Scoring(rules);
    }

    /** Every subject's tally over the window ending today by {@code clock}. */
    public Map<Subject, Tally> tallies(Clock clock) {
        LocalDate from = book.windowStart(clock);
        Map<Subject, Set<Long>> open = brushing.allOpenBuyers();
        Map<Subject, Tally> tallies = new HashMap<>();
        template.query("select * from score_facts", rs -> {
            Fact fact = ScoreIntake.fact(rs, 0);
            fold(tallies, open, fact, from);
        });
        return tallies;
    }

    /** What one fact adds to the tallies: the pure rule, less what open flags hold back, inside the window. */
    static void fold(Map<Subject, Tally> tallies, Map<Subject, Set<Long>> open, Fact fact, LocalDate from) {
        if (fact.day().isBefore(from)) {
            return;
        }
        List<Contribution> contributions = Contribution.of(fact);
        for (Contribution c : contributions) {
            Subject target = Fact.targetOf(c.subject(), fact.shopId());
            if (target != null && open.getOrDefault(target, Set.of()).contains(fact.actorId())) {
                continue;
            }
            tallies.computeIfAbsent(c.subject(), s -> new Tally()).add(c.metric(), c.n(), c.s());
        }
    }

    public TrustScore reputation(Map<Subject, Tally> tallies, long creatorId) {
        return scoring.reputation(tallies.getOrDefault(Subject.creator(creatorId), new Tally()));
    }

    public ShopExperience experience(Map<Subject, Tally> tallies, long shopId) {
        return scoring.shop(tallies.getOrDefault(Subject.shop(shopId), new Tally()), List.of());
    }

    public TrustScore product(Map<Subject, Tally> tallies, long productId) {
        return scoring.product(tallies.getOrDefault(Subject.product(productId), new Tally()));
    }
}
