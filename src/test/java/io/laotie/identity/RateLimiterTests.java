package io.laotie.identity;

import io.laotie.platform.RateLimited;
import io.laotie.platform.RateLimiter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimiterTests {

    static final class MovableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-25T08:00:00Z"));

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now.get(); }
        void advance(Duration d) { now.updateAndGet(i -> i.plus(d)); }
    }

    @Test
    void refusesAttemptsBeyondTheLimitUntilTheWindowPasses() {
        MovableClock clock = new MovableClock();
        RateLimiter limiter = new RateLimiter("sign-up", 3, Duration.ofHours(1), clock);
        limiter.acquire("1.2.3.4");
        limiter.acquire("1.2.3.4");
        limiter.acquire("1.2.3.4");
        assertThatThrownBy(() -> limiter.acquire("1.2.3.4")).isInstanceOf(RateLimited.class)
                .satisfies(e -> assertThat(((RateLimited) e).retryAfter()).isEqualTo(Duration.ofHours(1)));
        limiter.acquire("5.6.7.8"); // other keys are unaffected

        clock.advance(Duration.ofMinutes(61));
        limiter.acquire("1.2.3.4");
    }

    @Test
    void resetForgetsAKey() {
        RateLimiter limiter = new RateLimiter("failed login", 1, Duration.ofHours(1), new MovableClock());
        limiter.acquire("li_lei");
        limiter.reset("li_lei");
        limiter.acquire("li_lei");
        assertThatThrownBy(() -> limiter.acquire("li_lei")).isInstanceOf(RateLimited.class);
    }
}
