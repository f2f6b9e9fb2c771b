package io.laotie.live.room;

import org.jspecify.annotations.Nullable;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.standard.StandardWebSocketSession;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One viewer's connection to a room. Frames meant for this viewer alone wait in {@link #personal}; the ticker moves
 * them, and the room's must-deliver frames, into the {@link #backlog} while a send is still in flight, and sends
 * everything as one batch when the previous send has completed. Only one send is ever in flight, each on a virtual
 * thread of its own, so a viewer who stops reading holds a bounded backlog and one parked virtual thread, never a
 * platform thread.
 *
 * <p>Sends block on that virtual thread rather than using the container's asynchronous send: Tomcat runs the
 * completion of an asynchronous send as a task on its request pool, and when that pool is busy with incoming frames
 * (comments and likes wait for the database) every viewer stays "sending" and misses its batches.
 */
public final class Connection {

    /** A batch not taken by the viewer within this time fails, and the connection is closed. */
    private static final long SEND_TIMEOUT_MILLIS = 30_000;
    /** Tomcat's session property for the timeout of a blocking send (its default is 20 s). */
    private static final String BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final WebSocketSession socket;
    private final long liveSessionId;
    private final @Nullable Long viewerId;
    private final @Nullable String viewerName;
    private final Instant enteredAt;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final Executor sender;
    final Queue<String> personal = new ConcurrentLinkedQueue<>();
    /** Touched by the ticker thread only. */
    final ArrayDeque<String> backlog = new ArrayDeque<>();
    private volatile boolean closed;

    Connection(WebSocketSession socket, long liveSessionId, @Nullable Long viewerId, @Nullable String viewerName,
               Instant enteredAt, Executor sender) {
        this.socket = socket;
        this.liveSessionId = liveSessionId;
        this.viewerId = viewerId;
        this.viewerName = viewerName;
        this.enteredAt = enteredAt;
        this.sender = sender;
        if (socket instanceof StandardWebSocketSession standard) {
            standard.getNativeSession(jakarta.websocket.Session.class).getUserProperties()
                    .put(BLOCKING_SEND_TIMEOUT, SEND_TIMEOUT_MILLIS);
        }
    }

    public long liveSessionId() {
        return liveSessionId;
    }

    public @Nullable Long viewerId() {
        return viewerId;
    }

    public @Nullable String viewerName() {
        return viewerName;
    }

    public Instant enteredAt() {
        return enteredAt;
    }

    public String id() {
        return socket.getId();
    }

    boolean busy() {
        return sending.get();
    }

    boolean closed() {
        return closed || !socket.isOpen();
    }

    /** Sends one batch on a virtual thread; the caller has checked that no send is in flight. */
    void send(String batch) {
        if (!sending.compareAndSet(false, true)) {
            throw new IllegalStateException("a send is already in flight");
        }
        sender.execute(() -> {
            try {
                socket.sendMessage(new TextMessage(batch));
            } catch (IOException | RuntimeException e) {
                close(CloseStatus.SERVER_ERROR);
            } finally {
                sending.set(false);
            }
        });
    }

    /**
     * Closes the connection on a virtual thread: closing runs the handler's close callback (watch time, signals), which
     * reads the database, and the ticker must not wait for that.
     */
    void close(CloseStatus status) {
        closed = true;
        Runnable closing = () -> {
            try {
                socket.close(status);
            } catch (IOException | RuntimeException ignored) {
                // the peer is gone already
            }
        };
        try {
            sender.execute(closing);
        } catch (RejectedExecutionException shuttingDown) {
            closing.run();
        }
    }
}
