package io.laotie.trust;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * A complaint as its complainant, the party complained about and operators see it. The complainant is named masked;
 * their account id is shown to themselves and operators only. {@code target} is the creator's or shop's name.
 */
public record ComplaintView(@JsonId long id, @JsonId @Nullable Long creatorId, @JsonId @Nullable Long shopId, String target,
                            @JsonId @Nullable Long orderId, ComplaintReason reason, String text, ComplaintStatus status,
                            String complainant, @JsonId @Nullable Long complainantId, Instant createdAt,
                            @Nullable Instant ruledAt, @Nullable String rulingNote) {
}
