package io.laotie.order;

/**
 * What an {@link AfterSalesPolicy} grants one after-sales request beyond every shop's baseline, decided when the
 * request is made and kept with it: a promise made to a buyer is kept even if the policy would answer otherwise later.
 * The platform pays each grant from its subsidy account; see docs/trust-guarantees.md.
 *
 * @param refundOnReturnShipment the refund is paid to the buyer as soon as they ship the return with a tracking number,
 *                               advanced by the platform; the order's escrow repays the platform once the return is
 *                               accepted, and the merchant may still confirm or dispute the return as always
 * @param returnShipping         fen the platform pays into the buyer's wallet for shipping a return back, when it is
 *                               shipped; 0 for none
 * @param counterfeitMultiple    when an operator rules the goods counterfeit (and not for the merchant), the platform
 *                               pays the buyer this many times the request's amount on top of the refund; 0 for none
 * @param recoverCompensation    whether that compensation is then taken back from the merchant's money, when the
 *                               ruling puts the fault on the merchant
 */
public record AfterSalesCover(boolean refundOnReturnShipment, long returnShipping, int counterfeitMultiple,
                              boolean recoverCompensation) {

    /** Nothing beyond the baseline. */
    public static final AfterSalesCover NONE = new AfterSalesCover(false, 0, 0, false);

    public AfterSalesCover {
        if (returnShipping < 0 || counterfeitMultiple < 0) {
            throw new IllegalArgumentException("A cover pays nothing negative: " + returnShipping + ", " + counterfeitMultiple);
        }
    }

    /** Whether it grants anything at all. */
    public boolean any() {
        return refundOnReturnShipment || returnShipping > 0 || counterfeitMultiple > 0;
    }

    /** The broader of two covers, grant by grant: what a request gets when several policies cover it. */
    public AfterSalesCover and(AfterSalesCover other) {
        return new AfterSalesCover(refundOnReturnShipment || other.refundOnReturnShipment,
                Math.max(returnShipping, other.returnShipping), Math.max(counterfeitMultiple, other.counterfeitMultiple),
                recoverCompensation || other.recoverCompensation);
    }
}
