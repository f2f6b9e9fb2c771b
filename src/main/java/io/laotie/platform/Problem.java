package io.laotie.platform;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A business problem the caller can act on. Each subclass names the problem ({@code InsufficientStock},
 * {@code NotYourShop}); the web layer maps it once to RFC 9457 problem details with
 * {@code type = urn:laotie:problem:<slug>} and the status given here.
 */
public abstract class Problem extends RuntimeException {

    private final String slug;
    private final int status;
    private final String title;

    protected Problem(String slug, int status, String title, @Nullable String detail) {
        super(detail == null ? title : detail);
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    /** What the answer lists under {@code errors}, such as invalid fields or the bad lines of a file; none by default. */
    public @Nullable List<?> errors() {
        return null;
    }

    /** Problems are expected outcomes, not bugs: no stack trace needed. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
