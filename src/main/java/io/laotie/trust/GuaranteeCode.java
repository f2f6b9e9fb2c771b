package io.laotie.trust;

/** The guarantees (信任购) a shop above the experience threshold offers on every order; see docs/trust-guarantees.md. */
public enum GuaranteeCode {
    /** 极速退款: the refund is paid as soon as the buyer ships the return, before the merchant receives it. */
    REFUND_ON_RETURN_SHIPMENT,
    /** 退货包运费: the platform pays a fixed amount for shipping a return back. */
    RETURN_SHIPPING,
    /** 假一赔三: goods ruled counterfeit are compensated a multiple of their price, recovered from the merchant. */
    COUNTERFEIT_COMPENSATION
}
