package io.laotie.identity;

/** An operator suspended an account; its sessions and tokens stop working at once. */
public record AccountSuspended(long accountId, String reason, long operatorId) {
}
