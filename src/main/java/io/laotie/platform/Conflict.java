package io.laotie.platform;

/** The request clashes with existing data, such as a handle already taken (409). */
public class Conflict extends Problem {

    public Conflict(String slug, String title, String detail) {
        super(slug, 409, title, detail);
    }
}
