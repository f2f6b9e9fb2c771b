package io.laotie.identity;

import org.jspecify.annotations.Nullable;

/** A new account exists. {@code imported} marks placeholder buyers brought in with order history. */
public record AccountCreated(long accountId, String handle, @Nullable String city, @Nullable CityTier cityTier, boolean imported) {
}
