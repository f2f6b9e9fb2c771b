package io.laotie.support;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A real WebSocket client of the room channel, for tests: it keeps every frame the server sent, in order, and the
 * close code. {@code reading = false} makes a viewer that takes one message and then stops reading.
 */
public final class RoomClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final JsonMapper json;
    private final boolean reading;
    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private RoomClient(JsonMapper json, boolean reading, URI uri) {
        this.json = json;
        this.reading = reading;
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(uri, this).join();
    }

    public static RoomClient open(int port, String liveSessionId, @Nullable String token, JsonMapper json) {
        return open(port, liveSessionId, token, json, true);
    }

    public static RoomClient open(int port, String liveSessionId, @Nullable String token, JsonMapper json, boolean reading) {
        String query = token == null ? "" : "?access_token=" + token;
        return new RoomClient(json, reading, URI.create("ws://127.0.0.1:" + port + "/ws/rooms/" + liveSessionId + query));
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void comment(String text) {
        send(json.writeValueAsString(java.util.Map.of("type", "comment", "text", text)));
    }

    public List<JsonNode> frames() {
        return frames;
    }

    public List<JsonNode> frames(String type) {
        return frames.stream().filter(f -> type.equals(f.path("type").asString())).toList();
    }

    public List<String> comments() {
        return frames("comment").stream().map(f -> f.path("text").asString()).toList();
    }

    /** Waits until some frame matches, up to ten seconds; answers it. */
    public JsonNode await(Predicate<JsonNode> test) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until) {
            for (JsonNode frame : frames) {
                if (test.test(frame)) {
                    return frame;
                }
            }
            sleep(20);
        }
        throw new AssertionError("no such frame within 10 s; got " + frames);
    }

    public JsonNode await(String type) {
        return await(f -> type.equals(f.path("type").asString()));
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** The close code, waiting up to ten seconds. */
    public int closeCode() {
        return closed.orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            JsonNode batch = json.readTree(partial.toString());
            partial.setLength(0);
            batch.forEach(frames::add);
        }
        if (reading || !last) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.complete(-1);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
