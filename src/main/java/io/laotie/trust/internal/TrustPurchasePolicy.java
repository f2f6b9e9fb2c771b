package io.laotie.trust.internal;

import io.laotie.order.AfterSalesCover;
import io.laotie.order.AfterSalesPolicy;
import io.laotie.order.RefundRequested;
import io.laotie.trust.TrustGuarantees;
import org.springframework.stereotype.Component;

/**
 * The trust guarantees (信任购) as the order module sees them: a request on an order of a shop that holds the
 * guarantees when the request is made gets the platform's cover (refund on return shipment, return shipping, counterfeit
 * compensation); any other request follows the normal flow. It approves nothing at once: the merchant keeps their
 * say on a return, the guarantee is about when and from whom the buyer's money comes.
 */
@Component
class TrustPurchasePolicy implements AfterSalesPolicy {

    private final TrustGuarantees guarantees;
    private final GuaranteeRules rules;

    TrustPurchasePolicy(TrustGuarantees guarantees, GuaranteeRules rules) {
        this.guarantees = guarantees;
        this.rules = rules;
    }

    @Override
    public Verdict review(RefundRequested request) {
        return Verdict.ABSTAIN;
    }

    @Override
    public AfterSalesCover cover(RefundRequested request) {
        if (!guarantees.holds(request.attribution().shopId())) {
            return AfterSalesCover.NONE;
        }
        return new AfterSalesCover(true, rules.returnShipping(), rules.counterfeitMultiple(), rules.recoverCompensation());
    }
}
