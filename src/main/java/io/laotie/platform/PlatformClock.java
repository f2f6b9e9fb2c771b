package io.laotie.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock every module reads: the system clock in UTC, plus an offset. The offset lets the demo world write
 * its history (orders placed weeks ago, delivered, completed) through the real façades while the application starts,
 * before it takes any request: {@link #startHistory} sets time back, {@link #advance} moves it forward step by step,
 * and {@link #endHistory} returns to the present. Tests move it forward with {@link #advance} to make deadlines fall
 * due. It never moves back except by {@code startHistory}, which is refused once time has been moved. Thread-safe.
 */
public final class PlatformClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Laotie keeps time in UTC; the platform zone is laotie.zone");
    }

    /** Moves time forward. */
    public void advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        offset.accumulateAndGet(by, Duration::plus);
    }

    /** Sets time back by {@code ago}, to write history; only from the present, never twice. */
    public void startHistory(Duration ago) {
        if (!offset.compareAndSet(Duration.ZERO, ago.negated())) {
            throw new IllegalStateException("history can only be started from the present");
        }
    }

    /** Returns to the present after writing history (history that ran past the present leaves time where it is). */
    public void endHistory() {
        offset.updateAndGet(current -> current.isNegative() ? Duration.ZERO : current);
    }
}
