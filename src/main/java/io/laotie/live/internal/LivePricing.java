package io.laotie.live.internal;

import io.laotie.live.LiveSessions;
import io.laotie.live.SessionStatus;
import io.laotie.live.Shelf;
import io.laotie.order.PricingStep;
import io.laotie.platform.FieldError;
import io.laotie.platform.IllegalTransition;
import io.laotie.platform.ValidationFailed;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Prices a purchase made in a live room. The session named by the client must exist and be on air (LIVE, or
 * INTERRUPTED while its creator reconnects); every line must
 * come from that session's shelf (the named shelf item, or the item selling the product); each line gets the SKU's
 * live price when one is set; and the sale is attributed to the session and its creator, both derived here.
 */
@Component
@Order(10)
class LivePricing implements PricingStep {

    private final LiveSessions sessions;
    private final Shelf shelf;

    LivePricing(LiveSessions sessions, Shelf shelf) {
        this.sessions = sessions;
        this.shelf = shelf;
    }

    @Override
    public void price(Pricing pricing) {
        Long hint = pricing.liveSessionHint();
        if (hint == null) {
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
        for (int i = 0; i < pricing.lines().size(); i++) {
            PricedLine line = pricing.lines().get(i);
            Optional<Shelf.Item> item = line.shelfItemHint() == null
                    ? shelf.itemOf(hint, line.productId())
                    : shelf.rows(hint).stream().filter(it -> it.id() == line.shelfItemHint()).findFirst();
            if (item.isEmpty() || item.get().productId() != line.productId()) {
                throw new ValidationFailed(422, List.of(new FieldError("lines[" + i + "].shelfItemId",
                        "this SKU is not on the shelf of live session " + hint)));
            }
            line.fromShelfItem(item.get().id());
            shelf.livePrice(item.get().id(), line.skuId()).ifPresent(line::setUnitPrice);
        }
        pricing.attribute(session.id(), session.creatorId());
    }
}
