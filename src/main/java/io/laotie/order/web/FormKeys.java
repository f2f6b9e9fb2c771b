package io.laotie.order.web;

import io.laotie.identity.Caller;
import io.laotie.platform.JsonId;
import io.laotie.platform.web.Idempotency;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Forms that place an order or ask for money back carry a key made when the page was drawn, and the post goes through
 * the same {@link Idempotency} store as the API's {@code Idempotency-Key}: a double click, a resent form or the back
 * button then places one order or one request, and the second post lands on the same one.
 */
@Component
class FormKeys {

    private static final String PREFIX = "form:";

    private final Idempotency idempotency;

    FormKeys(Idempotency idempotency) {
        this.idempotency = idempotency;
    }

    /** A fresh key for a form about to be drawn. */
    static String fresh() {
        return PREFIX + UUID.randomUUID();
    }

    /**
     * Runs {@code work} once for the form's key and answers the id of what it made, the first time or on a repeat. A
     * form without a usable key (an old page, a hand-made post) simply runs the work.
     *
     * @param body what identifies the request besides the page's address, so one key cannot stand for two requests
     */
    long once(Caller caller, @Nullable String key, HttpServletRequest request, Object body, Supplier<Long> work) {
        String usable = key != null && key.startsWith(PREFIX) && key.length() <= 64 ? key : null;
        ResponseEntity<?> answer = idempotency.run(caller.accountId(), usable, () -> idempotency.fingerprint(request, body),
                () -> ResponseEntity.status(HttpStatus.CREATED).body(new Made(work.get())));
        return switch (answer.getBody()) {
            case Made made -> made.id();
            case JsonNode replayed -> Long.parseLong(replayed.path("id").asString());
            case null, default -> throw new IllegalStateException("No id in the answer to form key " + key);
        };
    }

    /** What a keyed form made; stored as JSON with the id as a string, as every id leaves the server. */
    record Made(@JsonId long id) {
    }
}
