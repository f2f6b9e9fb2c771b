package io.laotie.order;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One step of pricing an order, before it is placed. Steps run in {@link org.springframework.core.annotation.Order}
 * order over the same {@link Pricing}; the catalog price is already set when the first step runs. The live module
 * will add a step that checks the live session and applies its live price (and a flash-sale price), and sets the
 * attribution that follows from it. A step refuses an order by throwing a {@link io.laotie.platform.Problem}.
 */
public interface PricingStep {

    void price(Pricing pricing);

    /** The order being priced: its buyer, the session hint from the request, its lines, and attribution so far. */
    final class Pricing {

        private final long buyerId;
        private final @Nullable Long liveSessionHint;
        private final List<PricedLine> lines;
        private @Nullable Long liveSessionId;
        private @Nullable Long creatorId;

        public Pricing(long buyerId, @Nullable Long liveSessionHint, List<PricedLine> lines) {
            this.buyerId = buyerId;
            this.liveSessionHint = liveSessionHint;
            this.lines = lines;
        }

        public long buyerId() {
            return buyerId;
        }

        /** The session the client says the buyer is watching; unverified. */
        public @Nullable Long liveSessionHint() {
            return liveSessionHint;
        }

        public List<PricedLine> lines() {
            return lines;
        }

        /** Attributes the sale to a live session and its creator, once a step has verified them. */
        public void attribute(long liveSessionId, long creatorId) {
            this.liveSessionId = liveSessionId;
            this.creatorId = creatorId;
        }

        public @Nullable Long liveSessionId() {
            return liveSessionId;
        }

        public @Nullable Long creatorId() {
            return creatorId;
        }
    }

    /** One line being priced: the SKU, quantity, its catalog price and the unit price so far (a step may lower it). */
    final class PricedLine {

        private final long skuId;
        private final long productId;
        private final int quantity;
        private final long listPrice;
        private final @Nullable Long shelfItemHint;
        private long unitPrice;
        private @Nullable Long shelfItemId;

        public PricedLine(long skuId, long productId, int quantity, long listPrice, @Nullable Long shelfItemHint) {
            this.skuId = skuId;
            this.productId = productId;
            this.quantity = quantity;
            this.listPrice = listPrice;
            this.shelfItemHint = shelfItemHint;
            this.unitPrice = listPrice;
        }

        /** The shelf item the client says this line comes from; unverified. */
        public @Nullable Long shelfItemHint() {
            return shelfItemHint;
        }

        /** The shelf item a step verified this line comes from; recorded on the order line. */
        public @Nullable Long shelfItemId() {
            return shelfItemId;
        }

        public void fromShelfItem(long shelfItemId) {
            this.shelfItemId = shelfItemId;
        }

        public long skuId() {
            return skuId;
        }

        public long productId() {
            return productId;
        }

        public int quantity() {
            return quantity;
        }

        public long listPrice() {
            return listPrice;
        }

        public long unitPrice() {
            return unitPrice;
        }

        /** Sets a lower unit price; a step can never raise it above the catalog price or below one fen. */
        public void setUnitPrice(long price) {
            if (price < 1 || price > listPrice) {
                throw new IllegalArgumentException("a unit price must be between 1 fen and the list price " + listPrice + ", was " + price);
            }
            this.unitPrice = price;
        }
    }
}
