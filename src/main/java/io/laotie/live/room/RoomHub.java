package io.laotie.live.room;

import io.laotie.live.LiveProperties;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The rooms of this node and the ticker that feeds them. Every {@code batch-interval} the ticker takes what each room
 * gathered, samples the viewers' comments down to {@code comments-per-second} when the room is hot, and sends each
 * viewer one JSON array: frames every viewer must get, the sample, the viewer's own frames and fresh counts. A viewer
 * whose previous batch is still in flight keeps only must-get and own frames in a bounded backlog; samples and counts
 * are skipped for it (newer counts follow). Thread-safe; one ticker thread sends for all rooms, asynchronously, and
 * closes connections on virtual threads, so neither a slow viewer nor a close callback holds it.
 *
 * <p>In a cluster, frames would also be published to the other nodes (Redis pub/sub) before this fan-out; one node
 * needs nothing of that.
 */
@Component
public class RoomHub {

    private static final Logger log = LoggerFactory.getLogger(RoomHub.class);
    private static final CloseStatus TOO_SLOW = new CloseStatus(1008, "too slow to keep up; reconnect");
    private static final CloseStatus ENDED = new CloseStatus(1000, "the session ended");

    private final Map<Long, Room> rooms = new ConcurrentHashMap<>();
    private final LiveProperties.Room properties;
    private final JsonMapper json;
    private final Clock clock;
    private final ScheduledExecutorService ticker;
    private final ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicLong closedForSlowness = new AtomicLong();
    private volatile Consumer<Connection> onLeave = c -> { };

    public RoomHub(LiveProperties properties, JsonMapper json, Clock clock) {
        this.properties = properties.room();
        this.json = json;
        this.clock = clock;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "room-ticker");
            thread.setDaemon(true);
            return thread;
        });
        long interval = this.properties.batchInterval().toMillis();
        ticker.scheduleAtFixedRate(this::tickAll, interval, interval, TimeUnit.MILLISECONDS);
    }

    /** Who to tell when a viewer's connection ends (watch time, signals). */
    public void onLeave(Consumer<Connection> listener) {
        this.onLeave = listener;
    }

    /** Opens the room of a session, if not open yet, with the likes it had so far. */
    public void open(long liveSessionId, long creatorId, long likesSoFar, boolean live) {
        rooms.computeIfAbsent(liveSessionId, id -> new Room(id, creatorId, likesSoFar, live)).live = live;
    }

    public Connection join(long liveSessionId, WebSocketSession socket, @Nullable Long viewerId, @Nullable String viewerName) {
        Room room = room(liveSessionId);
        Connection connection = new Connection(socket, liveSessionId, viewerId, viewerName, clock.instant(), virtualThreads);
        room.connections.put(connection.id(), connection);
        int now = room.connections.size();
        if (room.live && now > room.peakViewers) {
            room.peakViewers = now;
        }
        return connection;
    }

    /** A connection ended; its watch time goes to the room's counters and to the listener. */
    public void leave(long liveSessionId, Connection connection) {
        Room room = rooms.get(liveSessionId);
        if (room != null && room.connections.remove(connection.id()) != null) {
            room.watchSecondsDelta.addAndGet(Math.max(0, clock.instant().getEpochSecond() - connection.enteredAt().getEpochSecond()));
            onLeave.accept(connection);
        }
    }

    /** A frame for one viewer only (a notice, the welcome), sent with the next batch. */
    public void sendTo(Connection connection, Frame frame) {
        connection.personal.add(write(frame));
    }

    /** A frame every viewer of the room must receive. */
    public void broadcast(long liveSessionId, Frame frame) {
        Room room = rooms.get(liveSessionId);
        if (room != null) {
            room.mustFrames.add(write(frame));
        }
    }

    /**
     * A stored comment. The creator's reaches every viewer; a viewer's reaches every viewer while the room is calm
     * and a sample when it is hot, and always its author.
     */
    public void comment(long liveSessionId, long authorId, Frame frame) {
        Room room = room(liveSessionId);
        room.commentsDelta.incrementAndGet();
        if (authorId == room.creatorId) {
            room.mustFrames.add(write(frame));
        } else {
            room.comments.add(new Room.PendingComment(authorId, write(frame)));
        }
    }

    /** Adds likes to the room's running total; answers the new total. */
    public long like(long liveSessionId, long count) {
        Room room = room(liveSessionId);
        room.likesDelta.addAndGet(count);
        return room.likes.addAndGet(count);
    }

    /** An open room's creator and whether its session is live. */
    public record RoomState(long creatorId, boolean live) {
    }

    /** The state of the session's room on this node, if one is open; empty means ask the database. */
    public Optional<RoomState> state(long liveSessionId) {
        return Optional.ofNullable(rooms.get(liveSessionId)).map(r -> new RoomState(r.creatorId, r.live));
    }

    public long viewers(long liveSessionId) {
        Room room = rooms.get(liveSessionId);
        return room == null ? 0 : room.connections.size();
    }

    public Optional<Long> likes(long liveSessionId) {
        return Optional.ofNullable(rooms.get(liveSessionId)).map(r -> r.likes.get());
    }

    public void live(long liveSessionId, boolean live) {
        Room room = rooms.get(liveSessionId);
        if (room != null) {
            room.live = live;
        }
    }

    /** Tells the room the session ended; after that batch every connection is closed normally. */
    public void end(long liveSessionId) {
        Room room = rooms.get(liveSessionId);
        if (room != null) {
            room.mustFrames.add(write(Frame.of("session-ended").with("liveSessionId", liveSessionId)));
            room.live = false;
            room.ended = true;
        }
    }

    /** Takes the counters gathered since the last call, for every open room. */
    public List<RoomCounters> takeCounters() {
        List<RoomCounters> taken = new ArrayList<>();
        for (Room room : rooms.values()) {
            RoomCounters counters = new RoomCounters(room.liveSessionId, room.likesDelta.getAndSet(0),
                    room.commentsDelta.getAndSet(0), room.watchSecondsDelta.getAndSet(0),
                    room.viewerSamplesDelta.getAndSet(0), room.sampledSecondsDelta.getAndSet(0), room.peakViewers);
            if (!counters.isEmpty() || room.peakViewers > 0) {
                taken.add(counters);
            }
        }
        return taken;
    }

    /** Connections closed because their viewer stopped reading, since start. */
    public long closedForSlowness() {
        return closedForSlowness.get();
    }

    /** The longest backlog of any connection now; for tests and metrics. */
    public int longestBacklog() {
        return rooms.values().stream().flatMap(r -> r.connections.values().stream())
                .mapToInt(c -> c.backlog.size()).max().orElse(0);
    }

    public long connections() {
        return rooms.values().stream().mapToLong(r -> r.connections.size()).sum();
    }

    private Room room(long liveSessionId) {
        Room room = rooms.get(liveSessionId);
        if (room == null) {
            throw new IllegalStateException("room " + liveSessionId + " is not open");
        }
        return room;
    }

    private String write(Frame frame) {
        return json.writeValueAsString(frame.fields());
    }

    private void tickAll() {
        for (Room room : rooms.values()) {
            try {
                tick(room);
            } catch (RuntimeException e) {
                log.warn("Room {} missed a batch", room.liveSessionId, e);
            }
        }
    }

    private void tick(Room room) {
        double interval = properties.batchInterval().toMillis() / 1000.0;
        List<String> must = drain(room.mustFrames);
        List<Room.PendingComment> candidates = drain(room.comments);

        room.commentBudget = Math.min(properties.commentsPerSecond(), room.commentBudget + properties.commentsPerSecond() * interval);
        int take = Math.min(candidates.size(), (int) room.commentBudget);
        room.commentBudget -= take;
        boolean[] sampled = new boolean[candidates.size()];
        for (int i = 0; i < take; i++) {
            sampled[(int) ((long) i * candidates.size() / take)] = true; // evenly spread over the interval's comments
        }
        List<String> shared = new ArrayList<>(must);
        Map<Long, List<String>> ownSampled = new HashMap<>();
        Map<Long, List<String>> ownUnsampled = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            Room.PendingComment comment = candidates.get(i);
            if (sampled[i]) {
                shared.add(comment.json());
            }
            (sampled[i] ? ownSampled : ownUnsampled).computeIfAbsent(comment.authorId(), a -> new ArrayList<>()).add(comment.json());
        }
        long second = clock.millis() / 1000;
        boolean newSecond = second != room.lastSecond;
        if (newSecond) {
            room.lastSecond = second;
            int viewers = room.connections.size();
            if (room.live) {
                room.viewerSamplesDelta.addAndGet(viewers);
                room.sampledSecondsDelta.incrementAndGet();
                if (viewers > room.peakViewers) {
                    room.peakViewers = viewers;
                }
            }
            if (viewers != room.viewersSent) {
                room.viewersSent = viewers;
                shared.add(write(Frame.of("viewers").with("count", viewers)));
            }
        }
        long likes = room.likes.get();
        if (likes != room.likesSent) {
            room.likesSent = likes;
            shared.add(write(Frame.of("likes").with("total", likes)));
        }
        String sharedBatch = shared.isEmpty() ? null : batch(List.of(), shared);

        for (Connection connection : room.connections.values()) {
            if (connection.closed()) {
                continue; // the handler's close callback removes it
            }
            List<String> own = new ArrayList<>();
            drainInto(connection.personal, own);
            Long viewerId = connection.viewerId();
            if (viewerId != null) {
                own.addAll(ownUnsampled.getOrDefault(viewerId, List.of()));
            }
            if (connection.busy()) {
                // this viewer is not reading: keep what it must get, including its own comments; skip samples and counts
                connection.backlog.addAll(must);
                connection.backlog.addAll(own);
                if (viewerId != null) {
                    connection.backlog.addAll(ownSampled.getOrDefault(viewerId, List.of()));
                }
                if (connection.backlog.size() > properties.maxBacklog()) {
                    connection.backlog.clear();
                    closedForSlowness.incrementAndGet();
                    connection.close(TOO_SLOW);
                }
                continue;
            }
            if (connection.backlog.isEmpty() && own.isEmpty()) {
                if (sharedBatch != null) {
                    connection.send(sharedBatch);
                }
                continue;
            }
            List<String> first = new ArrayList<>(connection.backlog);
            connection.backlog.clear();
            first.addAll(own);
            connection.send(batch(first, shared));
        }
        if (room.ended) {
            for (Connection connection : room.connections.values()) {
                if (!connection.busy()) {
                    connection.close(ENDED);
                }
            }
        }
    }

    private static String batch(List<String> first, List<String> then) {
        StringBuilder out = new StringBuilder(2 + 128 * (first.size() + then.size())).append('[');
        for (String frame : first) {
            out.append(frame).append(',');
        }
        for (String frame : then) {
            out.append(frame).append(',');
        }
        if (out.length() > 1) {
            out.setLength(out.length() - 1);
        }
        return out.append(']').toString();
    }

    private static <T> List<T> drain(java.util.Queue<T> queue) {
        List<T> out = new ArrayList<>();
        drainInto(queue, out);
        return out;
    }

    private static <T> void drainInto(java.util.Queue<T> queue, List<T> out) {
        for (T item = queue.poll(); item != null; item = queue.poll()) {
            out.add(item);
        }
    }

    /** Forgets a room with nobody left in it after its session ended. */
    public void forgetIfEmpty(long liveSessionId) {
        rooms.computeIfPresent(liveSessionId, (id, room) -> room.ended && room.connections.isEmpty() ? null : room);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        virtualThreads.shutdownNow();
    }
}
