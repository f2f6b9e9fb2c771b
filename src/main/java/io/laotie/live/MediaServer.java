package io.laotie.live;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Laotie's calls to the media server: nginx-rtmp's control interface, to cut a publisher off when its session is
 * ended from Laotie or its key was rotated. Best effort: a media server that cannot be reached is logged (without the
 * key) and the session's state in Laotie stands regardless. Thread-safe.
 */
@Component
class MediaServer {

    private static final Logger log = LoggerFactory.getLogger(MediaServer.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final MediaProperties media;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    MediaServer(MediaProperties media) {
        this.media = media;
    }

    /** Drops whoever publishes with this key; answers whether the media server confirmed (even if nobody was on). */
    boolean dropPublisher(String key) {
        URI uri = URI.create(media.getControlUrl() + "/drop/publisher?app="
                + URLEncoder.encode(media.ingestApplication(), StandardCharsets.UTF_8)
                + "&name=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                log.warn("The media server's control at {} answered {} to a drop", media.getControlUrl(), answer.statusCode());
            }
            return answer.statusCode() == 200;
        } catch (IOException e) {
            log.warn("Could not reach the media server's control at {} to drop a publisher ({})", media.getControlUrl(),
                    e.getClass().getSimpleName());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
