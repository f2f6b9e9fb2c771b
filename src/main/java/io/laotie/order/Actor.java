package io.laotie.order;

/** Who made a transition happen. SYSTEM is the scheduler acting on a deadline. */
public enum Actor {
    BUYER, MERCHANT, OPERATOR, SYSTEM
}
