package io.laotie.trust.internal;

import io.laotie.order.Attribution;
import io.laotie.order.OrderCancelled;
import io.laotie.order.OrderPaid;
import io.laotie.order.RefundPaid;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Live orders as repurchase inputs. A paid order attributed to a creator counts on the day it was paid, unless the
 * buyer is the creator, the merchant or linked to either ({@link Integrity}); an order refunded in full (a refund that
 * leaves nothing paid, or a paid order cancelled with its money returned) stops counting. A partial refund leaves the
 * purchase day standing (the buyer still bought) and comes off the buyer's past value.
 */
@Component
class LivePurchases implements InboxConsumer {

    private final PurchaseHistories histories;
    private final Integrity integrity;

    LivePurchases(PurchaseHistories histories, Integrity integrity) {
        this.histories = histories;
        this.integrity = integrity;
    }

    @Override
    public void absorb(List<?> events) {
        for (Object event : events) {
            switch (event) {
                case OrderPaid e -> on(e);
                case RefundPaid e -> on(e);
                case OrderCancelled e -> on(e);
                default -> { }
            }
        }
    }

    private void on(OrderPaid paid) {
        Attribution who = paid.attribution();
        if (who.creatorId() != null && integrity.counts(who.buyerId(), List.of(who.creatorId(), who.merchantId()))) {
            histories.paid(paid.orderId(), who.creatorId(), who.buyerId(), paid.at(), paid.total());
        }
    }

    private void on(RefundPaid refund) {
        Attribution who = refund.attribution();
        if (who.creatorId() == null) {
            return;
        }
        if (refund.orderFullyRefunded()) {
            histories.refundedInFull(refund.orderId(), who.creatorId(), who.buyerId(), refund.at());
        } else {
            histories.refundedInPart(refund.refundId(), refund.orderId(), who.creatorId(), refund.amount());
        }
    }

    private void on(OrderCancelled cancelled) {
        Attribution who = cancelled.attribution();
        if (who.creatorId() != null && cancelled.refunded() > 0) {
            histories.refundedInFull(cancelled.orderId(), who.creatorId(), who.buyerId(), cancelled.at());
        }
    }
}
