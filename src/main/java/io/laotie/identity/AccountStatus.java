package io.laotie.identity;

/** An account is ACTIVE until an operator suspends it; a suspended account can neither log in nor use its tokens. */
public enum AccountStatus {
    ACTIVE, SUSPENDED
}
