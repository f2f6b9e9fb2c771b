package io.laotie.live;

import io.laotie.identity.Caller;
import io.laotie.identity.Role;
import io.laotie.platform.Forbidden;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * Each creator's secret stream key (推流密钥): made on first request, rotatable, shown to its owner only. A key is 256
 * random bits from {@link SecureRandom}, URL-safe Base64 (43 characters), so it can be a stream name as it is.
 * Randomness is not injected here on purpose: a seedable source would make keys guessable. Keys are stored as they
 * are (the owner may ask to see theirs again) and never written to a log; see docs/decisions.md.
 */
@Service
public class StreamKeys {

    private static final int KEY_BYTES = 32;

    private final JdbcClient jdbc;
    private final MediaProperties media;
    private final MediaServer server;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    StreamKeys(JdbcClient jdbc, MediaProperties media, MediaServer server, Clock clock) {
        this.jdbc = jdbc;
        this.media = media;
        this.server = server;
        this.clock = clock;
    }

    /** The caller's key, made now if they have none yet; only creators have one (403 otherwise). */
    public StreamKey of(Caller caller) {
        requireCreator(caller);
        return answer(keyOf(caller.accountId()).orElseGet(() -> {
            jdbc.sql("insert into stream_keys (creator_id, stream_key, created_at) values (?, ?, ?) on conflict do nothing")
                    .params(caller.accountId(), newKey(), Timestamp.from(clock.instant())).update();
            return keyOf(caller.accountId()).orElseThrow();
        }));
    }

    /**
     * Replaces the caller's key. The old one stops working at once: the next publish with it is refused, and a stream
     * still running with it is dropped through the media server's control interface.
     */
    public StreamKey rotate(Caller caller) {
        requireCreator(caller);
        Optional<String> old = keyOf(caller.accountId());
        if (old.isEmpty()) {
            return of(caller); // a first key is as fresh as a rotated one
        }
        String key = newKey();
        jdbc.sql("update stream_keys set stream_key = ?, rotated_at = ? where creator_id = ?")
                .params(key, Timestamp.from(clock.instant()), caller.accountId()).update();
        server.dropPublisher(old.get());
        return answer(key);
    }

    /** The creator who holds this key, if anyone does. */
    public Optional<Long> creatorOf(String key) {
        return jdbc.sql("select creator_id from stream_keys where stream_key = ?").param(key).query(Long.class).optional();
    }

    /** The stream of this media-server client now publishes with the creator's key; the newest connection wins. */
    void publishing(long creatorId, String clientId) {
        jdbc.sql("update stream_keys set publisher_client = ? where creator_id = ?").params(clientId, creatorId).update();
    }

    /**
     * The stream of this client stopped. Answers whether it was the creator's current stream: false for an older
     * connection whose end the media server reports after a newer one took over.
     */
    boolean stoppedPublishing(long creatorId, String clientId) {
        return jdbc.sql("update stream_keys set publisher_client = null where creator_id = ? and publisher_client = ?")
                .params(creatorId, clientId).update() == 1;
    }

    /** The creator's current key, for the media server's control calls; never for an answer to anyone else. */
    Optional<String> keyOf(long creatorId) {
        return jdbc.sql("select stream_key from stream_keys where creator_id = ?").param(creatorId).query(String.class).optional();
    }

    private StreamKey answer(String key) {
        return new StreamKey(key, media.getIngestBaseUrl() + "/" + key);
    }

    private String newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void requireCreator(Caller caller) {
        if (!caller.has(Role.CREATOR)) {
            throw new Forbidden("Only creators have a stream key; become one first (POST /api/creators)");
        }
    }
}
