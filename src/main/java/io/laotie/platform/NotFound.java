package io.laotie.platform;

/** Nothing of that kind with that id exists, or the caller may not see it (404 either way, so nothing leaks). */
public class NotFound extends Problem {

    public NotFound(String what, long id) {
        super("not-found", 404, "Not found", what + " " + id + " does not exist");
    }

    public NotFound(String detail) {
        super("not-found", 404, "Not found", detail);
    }
}
