package io.laotie.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what an asynchronous event listener does, up to ten seconds, instead of sleeping and hoping. */
public final class Eventually {

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
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
        throw new AssertionError("not within 10 s: " + what);
    }
}
