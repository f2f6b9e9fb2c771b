package io.laotie.live;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The counting of one open flash sale, in memory: units left, units each buyer holds, and which order holds what.
 * Every buyer passes through {@link #claim} (a few map operations under this object's lock), so the database sees
 * no per-buyer contention at all; the allotment's guarded update in inventory stays the last word against
 * overselling. Rebuilt from the orders holding units when the application starts.
 */
final class FlashSaleGate {

    private record Held(long buyerId, int quantity) {
    }

    final long id;
    final long liveSessionId;
    final long creatorId;
    final long shelfItemId;
    final long skuId;
    final long price;
    final long allotmentId;
    final int quantity;
    final int perBuyerLimit;
    final Instant startsAt;
    final Instant endsAt;

    private int remaining;
    private boolean closed;
    private final Map<Long, Integer> byBuyer = new HashMap<>();
    private final Map<Long, Held> byOrder = new HashMap<>();

    // what the room was last told; touched by the announcing tick only
    boolean announcedStart;
    boolean announcedSoldOut;
    int announcedRemaining;
    Instant announcedAt = Instant.EPOCH;

    FlashSaleGate(long id, long liveSessionId, long creatorId, long shelfItemId, long skuId, long price, long allotmentId,
                  int quantity, int perBuyerLimit, Instant startsAt, Instant endsAt) {
        this.id = id;
        this.liveSessionId = liveSessionId;
        this.creatorId = creatorId;
        this.shelfItemId = shelfItemId;
        this.skuId = skuId;
        this.price = price;
        this.allotmentId = allotmentId;
        this.quantity = quantity;
        this.perBuyerLimit = perBuyerLimit;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.remaining = quantity;
        this.announcedRemaining = quantity;
    }

    boolean running(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    /**
     * Takes units for an order.
     *
     * @throws SoldOut        fewer units are left
     * @throws LimitExceeded  the buyer would hold more than the limit
     */
    synchronized void claim(long orderId, long buyerId, int units) {
        if (closed || remaining < units) {
            throw new SoldOut(id, units);
        }
        int held = byBuyer.getOrDefault(buyerId, 0);
        if (held + units > perBuyerLimit) {
            throw new LimitExceeded(id, perBuyerLimit, held);
        }
        remaining -= units;
        byBuyer.put(buyerId, held + units);
        byOrder.put(orderId, new Held(buyerId, units));
    }

    /** An order gives its units back (refused after pricing, cancelled, or unpaid in time); unknown orders change nothing. */
    synchronized boolean release(long orderId) {
        Held held = byOrder.remove(orderId);
        if (held == null) {
            return false;
        }
        byBuyer.computeIfPresent(held.buyerId(), (buyer, units) -> units == held.quantity() ? null : units - held.quantity());
        remaining += held.quantity();
        return true;
    }

    /** Stops claims; answers false when it was already closed. */
    synchronized boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /** The close could not be stored: claims may go on (what the gate still holds stands). */
    synchronized void reopen() {
        closed = false;
    }

    /** Units left to claim: none once closed. */
    synchronized int remaining() {
        return closed ? 0 : remaining;
    }

    /** What is left, as the allotment says after a restart (its quantity less what orders carved). */
    synchronized void recountRemaining(long uncarved) {
        remaining = (int) uncarved;
    }

    /** Counts an order that already holds units, as found in the database on start. */
    synchronized void recount(long orderId, long buyerId, int units) {
        remaining -= units;
        byBuyer.merge(buyerId, units, Integer::sum);
        byOrder.put(orderId, new Held(buyerId, units));
    }
}
