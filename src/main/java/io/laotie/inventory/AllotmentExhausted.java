package io.laotie.inventory;

import io.laotie.platform.Problem;

/** An allotment is closed or has fewer units left than asked for (409 {@code sold-out}). */
public class AllotmentExhausted extends Problem {

    public AllotmentExhausted(long allotmentId, long requested) {
        super("sold-out", 409, "Sold out", "Allotment " + allotmentId + " has fewer than " + requested + " units left");
    }
}
