package io.laotie.platform;

/** The caller may see the object but not change it (403). */
public class Forbidden extends Problem {

    public Forbidden(String detail) {
        super("forbidden", 403, "Forbidden", detail);
    }
}
