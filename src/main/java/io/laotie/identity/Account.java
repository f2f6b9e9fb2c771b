package io.laotie.identity;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Set;

/** An account as others may know it. The password hash never leaves the module. */
public record Account(
        @JsonId long id,
        String handle,
        String displayName,
        Set<Role> roles,
        @Nullable String city,
        @Nullable CityTier cityTier,
        AccountStatus status,
        boolean imported,
        Instant createdAt) {

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean active() {
        return status == AccountStatus.ACTIVE;
    }
}
