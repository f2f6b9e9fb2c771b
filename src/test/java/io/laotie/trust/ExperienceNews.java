package io.laotie.trust;

import io.laotie.platform.PlatformClock;
import io.laotie.support.Api;
import io.laotie.support.Eventually;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shop's experience score (商家体验分) as the scores part of the trust module announces it: an
 * {@link ExperienceChanged} published through the application's event publisher inside a transaction, so the
 * module's listeners hear it after the commit, asynchronously, as in production. For tests of what depends on that
 * score (the trust guarantees) without building a score. The real scores of the test's shop are computed too, from
 * its orders, and would overrule an announced score; so announcements are dated ten years ahead (and apart from each
 * other), and the guarantees ignore the real, older ones. {@code EarnedGuaranteeTests} takes the real way.
 */
@Component
public class ExperienceNews {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final PlatformClock clock;
    private final Api api;

    ExperienceNews(ApplicationEventPublisher events, TransactionTemplate tx, PlatformClock clock, Api api) {
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.api = api;
    }

    private static final Duration AHEAD = Duration.ofDays(3650);
    private final AtomicLong sequence = new AtomicLong();

    /** Announces the score, dated ahead of any real one; answers its time as stored (to the microsecond). */
    public Instant announce(String shopId, String score, ScoreLabel label) {
        return announce(shopId, score, label, clock.instant().plus(AHEAD).plusMillis(sequence.incrementAndGet()));
    }

    public Instant announce(String shopId, String score, ScoreLabel label, Instant at) {
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        tx.executeWithoutResult(status -> events.publishEvent(
                new ExperienceChanged(Long.parseLong(shopId), new BigDecimal(score), label, stored)));
        return stored;
    }

    /** Announces an excellent score and waits until the shop holds the guarantees. */
    public void guarantee(String shopId, String score) {
        announce(shopId, score, ScoreLabel.EXCELLENT);
        Eventually.until("shop " + shopId + " holds the guarantees", () -> guaranteed(shopId));
    }

    /** Announces a score below the threshold and waits until the shop no longer holds the guarantees. */
    public void revoke(String shopId, String score) {
        announce(shopId, score, ScoreLabel.GOOD);
        Eventually.until("shop " + shopId + " loses the guarantees", () -> !guaranteed(shopId));
    }

    public boolean guaranteed(String shopId) {
        return api.get("/api/shops/" + shopId + "/guarantees", null).body().path("guaranteed").asBoolean();
    }
}
