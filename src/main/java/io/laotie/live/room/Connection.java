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
 * everything as one batch when the previous send has completed. Only one send is ever in flight, and sends are
 * asynchronous, so a viewer who stops reading holds a bounded backlog and never a thread. Closing runs on a virtual
 * thread: it calls the handler's close callback (watch time, signals), which reads the database, and the ticker that
 * closes slow or ended connections must not wait for that.
 */
public final class Connection {

    /** A batch not taken by the viewer within this time fails, and the connection is closed. */
    private static final long SEND_TIMEOUT_MILLIS = 30_000;

    private final WebSocketSession socket;
    private final long liveSessionId;
    private final @Nullable Long viewerId;
    private final @Nullable String viewerName;
    private final Instant enteredAt;
    private final AtomicBoolean sending = new AtomicBoolean();
    private final jakarta.websocket.@Nullable Session nativeSession;
    private final Executor virtualThreads;
    final Queue<String> personal = new ConcurrentLinkedQueue<>();
    /** Touched by the ticker thread only. */
    final ArrayDeque<String> backlog = new ArrayDeque<>();
    private volatile boolean closed;

    Connection(WebSocketSession socket, long liveSessionId, @Nullable Long viewerId, @Nullable String viewerName,
               Instant enteredAt, Executor virtualThreads) {
        this.socket = socket;
        this.liveSessionId = liveSessionId;
        this.viewerId = viewerId;
        this.viewerName = viewerName;
        this.enteredAt = enteredAt;
        this.virtualThreads = virtualThreads;
        this.nativeSession = socket instanceof StandardWebSocketSession standard
                ? standard.getNativeSession(jakarta.websocket.Session.class) : null;
        if (nativeSession != null) {
            nativeSession.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
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

    /** Sends one batch asynchronously; the caller has checked that no send is in flight. */
    void send(String batch) {
        if (!sending.compareAndSet(false, true)) {
            throw new IllegalStateException("a send is already in flight");
        }
        if (nativeSession != null) {
            try {
                nativeSession.getAsyncRemote().sendText(batch, result -> {
                    sending.set(false);
                    if (!result.isOK()) {
                        close(CloseStatus.SERVER_ERROR);
                    }
                });
            } catch (RuntimeException e) {
                sending.set(false);
                close(CloseStatus.SERVER_ERROR);
            }
            return;
        }
        virtualThreads.execute(() -> {
            try {
                socket.sendMessage(new TextMessage(batch));
            } catch (IOException | RuntimeException e) {
                close(CloseStatus.SERVER_ERROR);
            } finally {
                sending.set(false);
            }
        });
    }

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
            virtualThreads.execute(closing);
        } catch (RejectedExecutionException shuttingDown) {
            closing.run();
        }
    }
}
