package io.laotie.identity;

import io.laotie.platform.JsonId;

import java.util.Set;

/** An opaque bearer token, shown once when issued; only its hash is stored, and it can be revoked. */
public record ApiToken(String token, @JsonId long accountId, Set<Role> roles) {
}
