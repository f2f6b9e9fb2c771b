package io.laotie.trust.internal;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the append-only score fact log: what happened, whose signal it is, whom it is about, and what it weighs
 * ({@code weightMilli}, decided once by {@link Integrity} on arrival, 0 when it does not count).
 */
public record Fact(long id, FactKind kind, long refId, long actorId, @Nullable Long orderId, @Nullable Long creatorId,
                   @Nullable Long shopId, List<Long> productIds, int weightMilli, long value, boolean suspect,
                   @Nullable String reviewText, Instant at, LocalDate day) {

    /** The brushing target a subject of this fact belongs to: a creator, or the shop of the shop and its products. */
    static @Nullable Subject targetOf(Subject subject, @Nullable Long shopId) {
        return switch (subject.kind()) {
            case CREATOR, SHOP -> subject;
            case PRODUCT -> shopId == null ? null : Subject.shop(shopId);
        };
    }
}
