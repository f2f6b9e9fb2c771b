package io.laotie.catalog;

import io.laotie.platform.JsonId;

import java.time.Instant;

/** A merchant's shop (店铺). */
public record Shop(@JsonId long id, @JsonId long ownerId, String name, String description, Instant createdAt) {
}
