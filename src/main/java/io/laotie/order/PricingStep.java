package io.laotie.order;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of pricing an order, before it is placed. Steps run in {@link org.springframework.core.annotation.Order}
 * order over the same {@link Pricing}; the catalog price is already set when the first step runs. The live module
 * adds a step that checks the live session and applies its live price and a running flash sale's price, and sets the
 * attribution that follows from it. A step refuses an order by throwing a {@link io.laotie.platform.Problem}.
 *
 * <p>A step that takes something before the order exists (a flash sale counts a unit as claimed) registers an
 * {@link Pricing#onAbandon undo}: it runs when the order is refused or fails to be stored after pricing.
 */
public interface PricingStep {

    void price(Pricing pricing);

    /** The order being priced: its future id, its buyer, the session hint from the request, its lines, and attribution so far. */
    final class Pricing {

        private final long orderId;
        private final long buyerId;
        private final @Nullable Long liveSessionHint;
        private final List<PricedLine> lines;
        private @Nullable Long liveSessionId;
        private @Nullable Long creatorId;
        private @Nullable Duration paymentTime;
        private final List<Runnable> undo = new ArrayList<>();

        public Pricing(long orderId, long buyerId, @Nullable Long liveSessionHint, List<PricedLine> lines) {
            this.orderId = orderId;
            this.buyerId = buyerId;
            this.liveSessionHint = liveSessionHint;
            this.lines = lines;
        }

        /** The id the order will have if it is placed. */
        public long orderId() {
            return orderId;
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

        /** Gives the buyer at most this long to pay (a flash sale's short timeout); the shortest limit wins. */
        public void limitPaymentTime(Duration limit) {
            if (paymentTime == null || limit.compareTo(paymentTime) < 0) {
                paymentTime = limit;
            }
        }

        public @Nullable Duration paymentTime() {
            return paymentTime;
        }

        /** Runs {@code action} if this order is not placed after all. */
        public void onAbandon(Runnable action) {
            undo.add(action);
        }

        /** The order was refused or could not be stored: undoes what steps took for it, newest first. */
        public void abandon() {
            for (int i = undo.size() - 1; i >= 0; i--) {
                undo.get(i).run();
            }
            undo.clear();
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
        private @Nullable Long drawnFrom;

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

        /**
         * The line's units come out of an inventory allotment the step holds (a flash sale's) rather than from the
         * SKU's stock: the order carves them from it, which does not touch the SKU's row.
         */
        public void drawFrom(long allotmentId) {
            this.drawnFrom = allotmentId;
        }

        public @Nullable Long drawnFrom() {
            return drawnFrom;
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
