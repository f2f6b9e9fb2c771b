package io.laotie.order;

/** Where an order is in its life. CANCELLED and REFUNDED end it early; COMPLETED ends it normally. */
public enum OrderStatus {
    PENDING_PAYMENT, PAID, SHIPPED, DELIVERED, COMPLETED, CANCELLED, REFUNDED;

    public boolean closed() {
        return this == COMPLETED || this == CANCELLED || this == REFUNDED;
    }
}
