package io.laotie.order;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An after-sales request with its state, deadline and, when arbitrated, the ruling; the {@code cover} the platform
 * granted it (see {@link AfterSalesCover}) and what it paid under it so far: the refund {@code advanced} when the
 * return was shipped, {@code returnShippingPaid}, counterfeit {@code compensated}, and how much of that was
 * {@code recovered} from the merchant.
 */
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
        Instant createdAt,
        AfterSalesCover cover,
        long advanced,
        long returnShippingPaid,
        long compensated,
        long recovered) {
}
