package io.laotie.order;

import io.laotie.platform.JsonId;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/** An order as its buyer, its merchant and operators see it: lines, amounts, attribution, timeline and after-sales. */
public record OrderView(
        @JsonId long id,
        OrderStatus status,
        @JsonId long buyerId,
        @JsonId long shopId,
        @JsonId long merchantId,
        long itemsTotal,
        long shippingFee,
        long total,
        long refunded,
        String currency,
        Address address,
        @JsonId @Nullable Long creatorId,
        @JsonId @Nullable Long liveSessionId,
        @Nullable String carrier,
        @Nullable String trackingNumber,
        @Nullable Actor cancelledBy,
        @Nullable CancelReason cancelReason,
        @Nullable Instant dueAt,
        Instant placedAt,
        List<Line> lines,
        List<TimelineEntry> timeline,
        List<RefundView> afterSales) {

    public record Address(String recipient, String phone, String region, String detail) {
    }

    public record Line(@JsonId long id, @JsonId long skuId, @JsonId long productId, String title, String skuName,
                       int quantity, long unitPrice, long listPrice, int returned) {
        public long lineTotal() {
            return unitPrice * quantity;
        }
    }

    public record TimelineEntry(String status, Actor actor, @JsonId @Nullable Long actorId, @JsonId @Nullable Long refundId,
                                @Nullable String note, Instant at) {
    }
}
