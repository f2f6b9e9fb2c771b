package io.laotie.social;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A creator's public profile (主播). The creator id is the account id. */
public record Creator(@JsonId long id, String displayName, @Nullable String avatarUrl, String bio, long followers,
                      long fanClubMembers, Instant createdAt) {
}
