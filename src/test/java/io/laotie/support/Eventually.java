package io.laotie.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what an asynchronous event listener does, up to ten seconds, instead of sleeping and hoping. */
public final class Eventually {

    private static final Duration DEFAULT = Duration.ofSeconds(10);

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    /** As {@link #until(String, BooleanSupplier)}, for what takes longer by nature (a media server cutting video). */
    public static void until(String what, Duration atMost, BooleanSupplier condition) {
        long until = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("not within " + atMost.toSeconds() + " s: " + what);
    }
}
