package io.laotie.platform;

import java.time.Duration;

/** Too many attempts from one address or against one account (429). */
public class RateLimited extends Problem {

    private final Duration retryAfter;

    public RateLimited(String detail, Duration retryAfter) {
        super("rate-limited", 429, "Too many requests", detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
