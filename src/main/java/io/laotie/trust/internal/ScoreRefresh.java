package io.laotie.trust.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The daily re-score. Scores count a rolling window of whole days, so a shop or creator that hears nothing still
 * changes as its old facts leave the window: a shop that stopped selling drifts back to NEW, and one whose bad month
 * has passed recovers. Whoever acts on a score (the trust guarantees) must hear that, so every subject not scored for a
 * day is re-scored, a few hundred per transaction, and what changed is published as after any event.
 */
@Component
class ScoreRefresh {

    private static final Logger log = LoggerFactory.getLogger(ScoreRefresh.class);
    private static final Duration STALE_AFTER = Duration.ofDays(1);
    private static final int CHUNK = 200;

    private final ScoreIntake intake;
    private final Clock clock;

    ScoreRefresh(ScoreIntake intake, Clock clock) {
        this.intake = intake;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${laotie.trust.scores.refresh-interval:1h}",
            initialDelayString = "${laotie.trust.scores.refresh-interval:1h}")
    void refreshStale() {
        int refreshed = 0;
        List<Subject> stale;
        do {
            stale = intake.scoredBefore(clock.instant().minus(STALE_AFTER), CHUNK);
            if (!stale.isEmpty()) {
                intake.refresh(stale);
                refreshed += stale.size();
            }
        } while (stale.size() == CHUNK);
        if (refreshed > 0) {
            log.info("Re-scored {} shops, creators and products not scored for a day", refreshed);
        }
    }
}
