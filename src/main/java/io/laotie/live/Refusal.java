package io.laotie.live;

import io.laotie.platform.Problem;

/**
 * Why the room did not take what a viewer sent. Over REST it is an ordinary problem (its slug and status are the
 * platform's: {@code forbidden}, {@code validation}, …); over the WebSocket it becomes a {@code notice} frame whose
 * {@code code} names the reason more finely ({@code muted}, {@code blocked-word}, …).
 */
public class Refusal extends Problem {

    public enum Reason {
        UNAUTHENTICATED("unauthenticated", 401, "Sign in to take part"),
        MUTED("forbidden", 403, "You are muted in this room"),
        TOO_LONG("validation", 400, "The comment is too long"),
        EMPTY("validation", 400, "Nothing to send"),
        BLOCKED_WORD("validation", 422, "The comment contains a blocked word"),
        BAD_COUNT("validation", 400, "A like frame carries a count from 1 to the limit"),
        NOT_LIVE("illegal-transition", 409, "The room is not open for this"),
        RATE_LIMITED("rate-limited", 429, "Too many comments; slow down");

        final String slug;
        final int status;
        final String title;

        Reason(String slug, int status, String title) {
            this.slug = slug;
            this.status = status;
            this.title = title;
        }

        /** The notice code: lower-kebab-case, like frame types. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public Refusal(Reason reason, String detail) {
        super(reason.slug, reason.status, reason.title, detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
