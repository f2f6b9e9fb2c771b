package io.laotie.trust.internal;

import io.laotie.catalog.Shops;
import io.laotie.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Score intakes on a clock of the test's own, wired as the application's is: for tests that date a history freely
 * (a fixed now, a now months later) without moving the platform clock every other test shares. Not a Spring proxy:
 * a test that needs the intake's news heard wraps its calls in a transaction.
 */
@Component
public class Intakes {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Ids ids;
    private final ScoreRules rules;
    private final ScoreBook book;
    private final SignalWeights weights;
    private final Brushing brushing;
    private final Shops shops;
    private final ApplicationEventPublisher events;

    Intakes(JdbcClient jdbc, JdbcTemplate template, Ids ids, ScoreRules rules, ScoreBook book, SignalWeights weights,
            Brushing brushing, Shops shops, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.template = template;
        this.ids = ids;
        this.rules = rules;
        this.book = book;
        this.weights = weights;
        this.brushing = brushing;
        this.shops = shops;
        this.events = events;
    }

    /** An intake whose clock stands still at {@code now}. */
    public ScoreIntake at(Instant now) {
        return new ScoreIntake(jdbc, template, ids, Clock.fixed(now, ZoneOffset.UTC), rules, book, weights, brushing, shops, events);
    }
}
