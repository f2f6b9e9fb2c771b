package io.laotie.live.internal;

import io.laotie.live.FlashSales;
import io.laotie.live.LiveProperties;
import io.laotie.live.LiveSessions;
import io.laotie.live.SessionStatus;
import io.laotie.live.Shelf;
import io.laotie.live.room.RoomHub;
import io.laotie.order.PricingStep;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.ValidationFailed;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Prices a purchase made in a live room. The session named by the client must exist and be on air (LIVE, or
 * INTERRUPTED while its creator reconnects); every line must come from that session's shelf (the named shelf item,
 * or the item selling the product); each line gets the SKU's live price when one is set, or the price of the SKU's
 * running flash sale, whose units it then draws from the sale's allotment; and the sale is attributed to the session
 * and its creator, both derived here.
 */
@Component
@Order(10)
class LivePricing implements PricingStep {

    private final LiveSessions sessions;
    private final Shelf shelf;
    private final FlashSales flashSales;
    private final LiveProperties properties;
    private final RoomHub hub;

    LivePricing(LiveSessions sessions, Shelf shelf, FlashSales flashSales, LiveProperties properties, RoomHub hub) {
        this.sessions = sessions;
        this.shelf = shelf;
        this.flashSales = flashSales;
        this.properties = properties;
        this.hub = hub;
    }

    @Override
    public void price(Pricing pricing) {
        Long hint = pricing.liveSessionHint();
        if (hint == null || pricedByFlashSale(pricing, hint)) {
            return;
        }
        Optional<LiveSessions.Row> found = sessions.find(hint);
        if (found.isEmpty()) {
            return; // the order module refuses a session nobody attributed
        }
        LiveSessions.Row session = found.get();
        if (!session.status().onAir()) { // an interrupted room still sells: the creator is reconnecting
            throw new IllegalTransition("Session " + hint + " is " + session.status() + "; room purchases open while it is live");
        }
        List<Shelf.Item> items = shelf.rows(hint);
        for (int i = 0; i < pricing.lines().size(); i++) {
            PricedLine line = pricing.lines().get(i);
            Optional<Shelf.Item> item = items.stream()
                    .filter(it -> line.shelfItemHint() == null ? it.productId() == line.productId() : it.id() == line.shelfItemHint())
                    .findFirst();
            if (item.isEmpty() || item.get().productId() != line.productId()) {
                throw ValidationFailed.unprocessable("lines[" + i + "].shelfItemId",
                        "this SKU is not on the shelf of live session " + hint);
            }
            line.fromShelfItem(item.get().id());
            Optional<FlashSales.Claim> flash = flashSales.claim(hint, item.get().id(), line.skuId(), pricing.orderId(),
                    pricing.buyerId(), line.quantity());
            if (flash.isPresent()) {
                drawFromFlashSale(pricing, line, flash.get());
            } else {
                shelf.livePrice(item.get().id(), line.skuId()).ifPresent(line::setUnitPrice);
            }
        }
        pricing.attribute(session.id(), session.creatorId());
    }

    /**
     * The hottest path: one line, from the shelf item of a running flash sale, in a room that is open and live on
     * this node. Priced from memory alone, with no database read; anything else takes the full path.
     */
    private boolean pricedByFlashSale(Pricing pricing, long sessionId) {
        if (pricing.lines().size() != 1 || pricing.lines().getFirst().shelfItemHint() == null) {
            return false;
        }
        PricedLine line = pricing.lines().getFirst();
        Optional<RoomHub.RoomState> room = hub.state(sessionId).filter(RoomHub.RoomState::live);
        if (room.isEmpty()) {
            return false;
        }
        Optional<FlashSales.Claim> flash = flashSales.claim(sessionId, line.shelfItemHint(), line.skuId(), pricing.orderId(),
                pricing.buyerId(), line.quantity());
        if (flash.isEmpty()) {
            return false;
        }
        line.fromShelfItem(line.shelfItemHint());
        drawFromFlashSale(pricing, line, flash.get());
        pricing.attribute(sessionId, room.get().creatorId());
        return true;
    }

    private void drawFromFlashSale(Pricing pricing, PricedLine line, FlashSales.Claim flash) {
        pricing.onAbandon(() -> flashSales.unclaim(pricing.orderId()));
        line.setUnitPrice(Math.min(flash.price(), line.listPrice()));
        line.drawFrom(flash.allotmentId());
        pricing.limitPaymentTime(properties.flashSalePaymentTimeout());
    }
}
