package io.laotie.order;

/** When in the order's life a request was made; the rules differ for each. */
public enum RefundStage {
    BEFORE_SHIPMENT, AFTER_SHIPMENT, AFTER_DELIVERY
}
