package io.laotie.platform.web;

import io.laotie.platform.Conflict;
import io.laotie.platform.IdempotencyConflict;
import io.laotie.platform.ValidationFailed;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Honours the {@code Idempotency-Key} header on POSTs that create money or orders. A controller hands over the
 * caller, the key, a {@linkplain #fingerprint fingerprint} of the request and the work that answers it:
 *
 * <pre>{@code
 * return idempotency.run(caller.accountId(), key, () -> idempotency.fingerprint(http, body),
 *         () -> ResponseEntity.status(201).body(...));
 * }</pre>
 *
 * <p>The contract:
 * <ul>
 *   <li>A key belongs to one account: {@code (account id, key)} names one request, and other accounts may use the
 *       same key freely. Without a key the work simply runs and nothing is remembered.</li>
 *   <li>The first request with a key claims it, does the work and stores its answer (status and JSON body) in one
 *       database transaction, which the work's {@code @Transactional} façade calls join: the work's writes and the
 *       stored answer commit together or not at all, also across a crash.</li>
 *   <li>Work that throws (a business problem or anything else) leaves no trace: its writes roll back with the claim,
 *       so the same request may be sent again with the same key and will run again.</li>
 *   <li>The same key with the same fingerprint replays the stored answer, with the same status and body and the
 *       header {@code Idempotent-Replayed: true}; the work does not run again.</li>
 *   <li>The same key with another fingerprint (another method, path or body) answers
 *       {@link IdempotencyConflict} (422 {@code idempotency-conflict}).</li>
 *   <li>Requests with the same key arriving together run the work exactly once: the others wait for the first
 *       (on PostgreSQL they block on the key's row; H2 may turn them away at once, and they look again) and replay
 *       its answer, or run the work themselves if the first one failed. After {@link #WAIT} of waiting they answer
 *       409 {@code conflict}.</li>
 *   <li>Answers are kept for {@link #RETENTION}, then forgotten. Keys are 1–255 visible ASCII characters.</li>
 * </ul>
 * Thread-safe.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final Duration RETENTION = Duration.ofHours(24);
    public static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MAX_KEY_LENGTH = 255;

    private record Stored(String fingerprint, int status, @Nullable String body) {
    }

    /** The claim was taken by another request: roll back and look again. */
    private static final ResponseEntity<Void> BUSY = ResponseEntity.status(409).build();

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, PlatformTransactionManager transactions, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.json = json;
        this.clock = clock;
    }

    /** SHA-256 of the request's method, path with query, and body written as JSON: what "the same request" means. */
    public String fingerprint(HttpServletRequest request, @Nullable Object body) {
        String query = request.getQueryString();
        String target = request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
        String payload = body == null ? "" : json.writeValueAsString(body);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(target.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) '\n');
            sha256.update(payload.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    /**
     * Runs {@code work} once per {@code (accountId, key)}, or replays its first answer; see the class comment.
     *
     * @param key         the {@code Idempotency-Key} header, or null when the request has none
     * @param fingerprint the request's {@link #fingerprint}, worked out only when there is a key
     * @throws IdempotencyConflict the key was used for a request with another fingerprint
     * @throws ValidationFailed    the key is empty, too long or not visible ASCII
     */
    public ResponseEntity<?> run(long accountId, @Nullable String key, Supplier<String> fingerprinted,
                               Supplier<? extends ResponseEntity<?>> work) {
        if (key == null) {
            return work.get();
        }
        check(key);
        String fingerprint = fingerprinted.get();
        long deadline = System.nanoTime() + WAIT.toNanos();
        long pause = 1;
        while (true) {
            Optional<Stored> stored = find(accountId, key);
            if (stored.isPresent()) {
                return replay(stored.get(), key, fingerprint);
            }
            ResponseEntity<?> answer = Objects.requireNonNull(transaction.execute(status -> {
                try {
                    jdbc.sql("insert into idempotency_keys (account_id, idempotency_key, fingerprint, status, body, created_at) values (?, ?, ?, 0, null, ?)")
                            .params(accountId, key, fingerprint, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
                } catch (DuplicateKeyException taken) {
                    status.setRollbackOnly();
                    return BUSY;
                }
                ResponseEntity<?> first = work.get();
                jdbc.sql("update idempotency_keys set status = ?, body = ? where account_id = ? and idempotency_key = ?")
                        .params(first.getStatusCode().value(), first.getBody() == null ? null : json.writeValueAsString(first.getBody()),
                                accountId, key)
                        .update();
                return first;
            }));
            if (answer != BUSY) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                throw new Conflict("conflict", "Request in progress",
                        "A request with Idempotency-Key " + key + " is still being carried out; try again shortly");
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted waiting for Idempotency-Key " + key, e);
            }
            pause = Math.min(pause * 2, 50);
        }
    }

    /** Forgets answers older than {@link #RETENTION}. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = TimeUnit.HOURS)
    void forgetOldAnswers() {
        jdbc.sql("delete from idempotency_keys where created_at < ?")
                .param(OffsetDateTime.ofInstant(clock.instant().minus(RETENTION), ZoneOffset.UTC)).update();
    }

    private Optional<Stored> find(long accountId, String key) {
        return jdbc.sql("select fingerprint, status, body from idempotency_keys where account_id = ? and idempotency_key = ?")
                .params(accountId, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .optional();
    }

    private ResponseEntity<?> replay(Stored stored, String key, String fingerprint) {
        if (!stored.fingerprint().equals(fingerprint)) {
            throw new IdempotencyConflict("Idempotency-Key " + key + " was used for another request; use a new key for a new request");
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(stored.status()).header(REPLAYED_HEADER, "true");
        if (stored.body() == null) {
            return answer.build();
        }
        return answer.contentType(MediaType.APPLICATION_JSON).body(json.readTree(stored.body()));
    }

    private static void check(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ValidationFailed.of(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters");
        }
    }
}
