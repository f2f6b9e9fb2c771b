package io.laotie.platform;

/** No valid credentials (401). */
public class Unauthenticated extends Problem {

    public Unauthenticated(String detail) {
        super("unauthenticated", 401, "Unauthenticated", detail);
    }
}
