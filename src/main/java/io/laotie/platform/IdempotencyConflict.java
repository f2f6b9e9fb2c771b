package io.laotie.platform;

/** An {@code Idempotency-Key} came back with another request than the one it was first used for (422). */
public class IdempotencyConflict extends Problem {

    public IdempotencyConflict(String detail) {
        super("idempotency-conflict", 422, "Idempotency conflict", detail);
    }
}
