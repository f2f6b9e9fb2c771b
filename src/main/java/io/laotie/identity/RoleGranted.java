package io.laotie.identity;

/** An account gained a role, such as MERCHANT when it opened its first shop. */
public record RoleGranted(long accountId, Role role) {
}
