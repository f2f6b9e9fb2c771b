package io.laotie.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts attempts per key in fixed windows and refuses those beyond the limit. In-process, which is right for the
 * embedded default; a cluster needs a shared counter (Redis) behind the same method. Thread-safe.
 */
public final class RateLimiter {

    private record Window(long start, int count) {
    }

    private final String name;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimiter(String name, int limit, Duration window, Clock clock) {
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one attempt for {@code key}; throws {@link RateLimited} when the window's limit is already reached. */
    public void acquire(String key) {
        long now = clock.millis();
        long windowMillis = window.toMillis();
        Window after = windows.compute(key, (k, current) -> {
            if (current == null || now - current.start() >= windowMillis) {
                return new Window(now, 1);
            }
            return current.count() > limit ? current : new Window(current.start(), current.count() + 1);
        });
        if (after.count() > limit) {
            throw new RateLimited("Too many " + name + " attempts; try again later",
                    Duration.ofMillis(Math.max(0, after.start() + windowMillis - now)));
        }
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> now - w.start() >= windowMillis); // forget old windows
        }
    }

    /** Forgets the attempts counted for {@code key}, such as failed logins after a successful one. */
    public void reset(String key) {
        windows.remove(key);
    }
}
