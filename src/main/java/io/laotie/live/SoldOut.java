package io.laotie.live;

import io.laotie.platform.Problem;

/** Every unit of a running flash sale is claimed (409 {@code sold-out}); one may come back if an order goes unpaid. */
public class SoldOut extends Problem {

    public SoldOut(long flashSaleId, int requested) {
        super("sold-out", 409, "Sold out", "Flash sale " + flashSaleId + " has fewer than " + requested + " units left");
    }
}
