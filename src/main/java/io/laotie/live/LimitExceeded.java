package io.laotie.live;

import io.laotie.platform.Problem;

/** The buyer would hold more units of a flash sale than its per-buyer limit (409 {@code limit-exceeded}). */
public class LimitExceeded extends Problem {

    public LimitExceeded(long flashSaleId, int limit, int held) {
        super("limit-exceeded", 409, "Per-buyer limit exceeded",
                "Flash sale " + flashSaleId + " allows " + limit + " units per buyer; you hold " + held);
    }
}
