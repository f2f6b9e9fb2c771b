package io.laotie.identity.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code laotie.identity.*}.
 *
 * @param passwordHash Argon2id cost; the defaults follow OWASP's minimum (19 MiB, 2 passes). Tests lower it.
 * @param rateLimits   sign-up and login limits; loose by default, so a busy office behind one address is fine
 */
@ConfigurationProperties("laotie.identity")
public record IdentityProperties(@DefaultValue PasswordHash passwordHash, @DefaultValue RateLimits rateLimits) {

    public record PasswordHash(@DefaultValue("19456") int memoryKib, @DefaultValue("2") int iterations) {
    }

    /**
     * @param signupsPerIpPerHour         sign-ups from one client address per hour
     * @param loginsPerIpPerHour          login attempts (good or bad) from one client address per hour
     * @param failedLoginsPerAccountPerHour wrong passwords for one handle per hour, reset by a good login
     */
    public record RateLimits(@DefaultValue("1000") int signupsPerIpPerHour,
                             @DefaultValue("5000") int loginsPerIpPerHour,
                             @DefaultValue("20") int failedLoginsPerAccountPerHour) {
    }
}
