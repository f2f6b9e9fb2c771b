package io.laotie.order;

import io.laotie.catalog.SkuForSale;
import io.laotie.identity.Address;
import io.laotie.identity.ClientInfo;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An order checked and priced, with its ids chosen, ready to be stored: everything its rows need is worked out
 * before the first write, so many placements can be stored together in one transaction ({@link GroupCommit}).
 */
record Placement(long orderId, long buyerId, long shopId, long merchantId, long itemsTotal, long shippingFee, Address address,
                 @Nullable Long creatorId, @Nullable Long liveSessionId, ClientInfo client, Instant placedAt, Instant dueAt,
                 List<Line> lines, PricingStep.Pricing pricing) {

    /** A line to store; {@code drawnFrom} is the allotment its units are carved from, or null to reserve from stock. */
    record Line(long lineId, SkuForSale sku, int quantity, long unitPrice, @Nullable Long shelfItemId, @Nullable Long drawnFrom) {
    }

    long total() {
        return itemsTotal + shippingFee;
    }

    Attribution attribution() {
        return new Attribution(buyerId, shopId, merchantId, creatorId, liveSessionId);
    }

    /** Every line comes out of an allotment, so storing it touches no shared stock row. */
    boolean drawsOnly() {
        return lines.stream().allMatch(line -> line.drawnFrom() != null);
    }
}
