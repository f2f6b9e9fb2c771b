package io.laotie.order;

/** Why a buyer asks for money back. Some reasons say something about the goods, which the trust chain weighs. */
public enum RefundReason {
    NO_REASON, QUALITY, NOT_AS_DESCRIBED, DAMAGED_OR_SPOILED, COUNTERFEIT, MISSING_ITEM, LATE_DELIVERY, OTHER;

    /** Reasons that reflect on the goods or their description, not on the buyer's change of mind. */
    public boolean qualityRelated() {
        return this == QUALITY || this == NOT_AS_DESCRIBED || this == COUNTERFEIT || this == DAMAGED_OR_SPOILED;
    }
}
