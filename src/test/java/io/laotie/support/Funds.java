package io.laotie.support;

import io.laotie.ledger.AccountRef;
import io.laotie.ledger.Ledger;
import io.laotie.platform.Ids;
import org.springframework.stereotype.Component;

/**
 * Money for tests, moved through the ledger the way real orders move it: a buyer of its own tops up and pays an
 * order, the order is settled to the merchant and released (the suite runs without a payout hold).
 */
@Component
public class Funds {

    private final Ledger ledger;
    private final Ids ids;

    public Funds(Ledger ledger, Ids ids) {
        this.ledger = ledger;
        this.ids = ids;
    }

    /** Settles an order of {@code net} fen to the merchant and releases it; answers the merchant's available balance. */
    public long available(long merchantId, long net) {
        long buyer = ids.next();
        long order = ids.next();
        ledger.topUp(buyer, net, "test-funds:" + order);
        ledger.payOrder(order, buyer, net);
        ledger.settleOrder(order, merchantId, net);
        ledger.releaseDue();
        return ledger.balance(AccountRef.merchantAvailable(merchantId));
    }
}
