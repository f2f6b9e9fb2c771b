package io.laotie.live.web;

import io.laotie.live.Broadcasts;
import io.laotie.live.MediaProperties;
import io.laotie.platform.Unauthenticated;
import io.laotie.platform.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The media server's hooks (nginx-rtmp {@code on_publish} and {@code on_publish_done}): form-encoded POSTs whose
 * {@code name} is the stream key. They carry no user session; the shared {@code ?secret=} is their credential,
 * compared in constant time. A publish is answered with a 302 whose {@code Location} is the internal RTMP application
 * to relay the stream to under the session's public name; a refusal (4xx) makes nginx drop the stream.
 */
@RestController
@RequestMapping("/hooks/rtmp")
class MediaHooks {

    private final Broadcasts broadcasts;
    private final MediaProperties media;

    MediaHooks(Broadcasts broadcasts, MediaProperties media) {
        this.broadcasts = broadcasts;
        this.media = media;
    }

    @PostMapping("/publish")
    ResponseEntity<Void> publish(@RequestParam(required = false) @Nullable String secret,
                                 @RequestParam(required = false) @Nullable String name,
                                 @RequestParam(required = false) @Nullable String clientid) {
        String key = checked(secret, name);
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, broadcasts.publish(key, client(clientid))).build();
    }

    @PostMapping("/publish-done")
    ResponseEntity<Void> publishDone(@RequestParam(required = false) @Nullable String secret,
                                     @RequestParam(required = false) @Nullable String name,
                                     @RequestParam(required = false) @Nullable String clientid) {
        broadcasts.publishDone(checked(secret, name), client(clientid));
        return ResponseEntity.noContent().build();
    }

    /** nginx-rtmp's id of the connection; every call carries one. */
    private static String client(@Nullable String clientid) {
        if (clientid == null || clientid.isBlank() || clientid.length() > 64) {
            throw ValidationFailed.of("clientid", "is required: the media server's connection id, at most 64 characters");
        }
        return clientid;
    }

    /** The stream key, once the secret is right and a key is named. */
    private String checked(@Nullable String secret, @Nullable String name) {
        if (secret == null || !matches(secret, media.getHookSecret())) {
            throw new Unauthenticated("Media-server hooks need the right ?secret=");
        }
        if (name == null || name.isBlank()) {
            throw ValidationFailed.of("name", "is required: the stream key");
        }
        return name;
    }

    /** Equal digests, compared in constant time; a blank configured secret matches nothing. */
    private static boolean matches(String given, String expected) {
        if (expected.isBlank()) {
            return false;
        }
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
