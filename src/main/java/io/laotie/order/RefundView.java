package io.laotie.order;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** An after-sales request with its state, deadline and, when arbitrated, the ruling. */
public record RefundView(
        @JsonId long id,
        @JsonId long orderId,
        RefundKind kind,
        RefundStage stage,
        long amount,
        long refunded,
        RefundReason reason,
        String text,
        List<String> photoUrls,
        RefundStatus status,
        @Nullable String merchantReason,
        @Nullable String returnCarrier,
        @Nullable String returnTrackingNumber,
        @Nullable Ruling ruling,
        @Nullable Instant dueAt,
        Instant createdAt) {
}
