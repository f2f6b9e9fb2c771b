package io.laotie.social.internal;

import io.laotie.order.OrderPaid;
import io.laotie.social.FanClubs;
import io.laotie.social.SocialProperties;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A fan-club member who pays for goods sold by the creator earns intimacy for each yuan. */
@Component
class PurchaseIntimacy {

    private final FanClubs fanClubs;
    private final SocialProperties properties;

    PurchaseIntimacy(FanClubs fanClubs, SocialProperties properties) {
        this.fanClubs = fanClubs;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void on(OrderPaid paid) {
        Long creatorId = paid.attribution().creatorId();
        if (creatorId != null) {
            fanClubs.earn(creatorId, paid.attribution().buyerId(), paid.total() / 100 * properties.intimacyPerYuan());
        }
    }
}
