package io.laotie.bench;

import io.laotie.support.HttpShop;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Load generator for the live room channel ({@code /ws/rooms/{id}}) against a running server: one live room, {@code V}
 * WebSocket viewers (most anonymous), {@code C} comments a second spread over enough signed-in commenters to stay
 * within the comment rate limit, {@code L} likes a second in batched {@code like} frames, and the creator commenting
 * at a low rate. Run it with {@code bench/room-load.sh}, which starts the packaged server for it.
 *
 * <p>Every comment's text carries a marker {@code lt#<kind><phase>#<sender>#<seq>#<nanoTime>}; receivers in this
 * process take arrival − send as the delivery latency. What each connection must receive is counted against what it
 * got: every creator comment (all viewers) and each commenter's own comments (the server may sample the others away).
 * It also reads the server's heap per connection (after a GC, before and after connecting) and the CPU used by the
 * server ({@code /proc/<pid>/stat}) and by this generator, and prints one {@code ROOM-LOAD} JSON line and a markdown
 * table row.
 *
 * <p>Arguments: base URL, server pid, viewers (default 500), comments/s (200), likes/s (5000), seconds (30).
 * System properties: {@code bench.warmup} seconds (10), {@code bench.creator-rate} comments/s (2),
 * {@code bench.likes-per-frame} (20), {@code bench.comments-per-window} and {@code bench.comment-window-seconds}
 * (5 per 10, the server's limit), {@code bench.jfr} a file to record a JFR profile of the server to during the run.
 */
public final class RoomLoad {

    /** The marker every generated comment carries; nothing else in a frame contains it. */
    private static final String MARK = "lt#";
    private static final long START = System.nanoTime();
    private static final long START_EPOCH_NANOS = System.currentTimeMillis() * 1_000_000L;
    /** After the sends stop, how long the generator keeps reading before it counts. */
    private static final long DRAIN_MILLIS = 5_000;

    private static final Latencies latencies = new Latencies();
    /** Send → stored by the server (the frame's {@code at}), taken from each commenter's own comments. */
    private static final Latencies intake = new Latencies();
    private static final AtomicLong messages = new AtomicLong();
    private static final AtomicLong commentFrames = new AtomicLong();
    private static final AtomicInteger closedByServer = new AtomicInteger();
    private static final AtomicInteger transportErrors = new AtomicInteger();
    private static final AtomicInteger sendFailures = new AtomicInteger();
    private static final AtomicInteger notices = new AtomicInteger();
    private static final Map<Integer, AtomicInteger> closeCodes = new ConcurrentHashMap<>();
    private static volatile boolean measuring;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long serverPid = Long.parseLong(args[1]);
        int viewers = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int commentsPerSecond = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int likesPerSecond = args.length > 4 ? Integer.parseInt(args[4]) : 5_000;
        int seconds = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        int warmup = Integer.getInteger("bench.warmup", 10);
        double creatorRate = Double.parseDouble(System.getProperty("bench.creator-rate", "2"));
        int likesPerFrame = Integer.getInteger("bench.likes-per-frame", 20);
        int perWindow = Integer.getInteger("bench.comments-per-window", 5);
        int windowSeconds = Integer.getInteger("bench.comment-window-seconds", 10);
        String jfr = System.getProperty("bench.jfr");
        int cores = Runtime.getRuntime().availableProcessors();

        // 90 % of the limit, evenly spaced round-robin, keeps every commenter inside any fixed window
        double perCommenter = 0.9 * perWindow / windowSeconds;
        int commenterCount = commentsPerSecond == 0 ? 0 : (int) Math.ceil(commentsPerSecond / perCommenter);
        int signedIn = Math.max(commenterCount, likesPerSecond > 0 ? 1 : 0);
        if (signedIn + 1 > viewers) {
            throw new IllegalArgumentException(commentsPerSecond + " comments/s need " + commenterCount
                    + " signed-in commenters (and the creator); ask for at least " + (signedIn + 1) + " viewers");
        }
        System.out.printf("room load: %d viewers (%d signed in, %d anonymous, the creator), %d comments/s, %d likes/s in frames of %d, "
                        + "creator %.1f comments/s, %d s after a %d s warm-up%n",
                viewers, signedIn, viewers - signedIn - 1, commentsPerSecond, likesPerSecond, likesPerFrame, creatorRate, seconds, warmup);

        // the room and its accounts, over the REST API
        HttpShop shop = new HttpShop(base);
        String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String creatorToken = shop.account("room_c_" + run);
        HttpShop.expect(shop.post("/api/creators", creatorToken, Map.of("displayName", "Bench room " + run, "bio", "load")), 201);
        String room = HttpShop.expect(shop.post("/api/live-sessions", creatorToken, Map.of("title", "Room load " + run)), 201).id();
        HttpShop.expect(shop.post("/api/live-sessions/" + room + "/start", creatorToken, null), 200);
        List<String> tokens = accounts(shop, "room_v" + run + "_", signedIn);
        System.out.printf("room %s live, %d accounts signed up%n", room, signedIn + 1);

        String wsBase = base.replaceFirst("^http", "ws") + "/ws/rooms/" + room;
        ExecutorService callbacks = Executors.newFixedThreadPool(Math.max(2, cores));
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < Math.max(2, cores); i++) { // each client reads on one selector thread; spread the sockets
            clients.add(HttpClient.newBuilder().executor(callbacks).version(HttpClient.Version.HTTP_1_1).build());
        }

        long heapBefore = serverHeapAfterGc(base, serverPid);
        long connectStart = System.nanoTime();
        List<Viewer> all = new ArrayList<>();
        all.add(new Viewer(-1, wsBase + "?access_token=" + creatorToken));
        for (int i = 0; i < signedIn; i++) {
            all.add(new Viewer(i, wsBase + "?access_token=" + tokens.get(i)));
        }
        for (int i = signedIn + 1; i < viewers; i++) {
            all.add(new Viewer(-2, wsBase));
        }
        Semaphore handshakes = new Semaphore(64);
        List<CompletableFuture<?>> opening = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Viewer viewer = all.get(i);
            handshakes.acquire();
            opening.add(clients.get(i % clients.size()).newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create(viewer.uri), viewer)
                    .handle((ws, failure) -> {
                        handshakes.release();
                        if (ws != null) {
                            viewer.opened(ws);
                        }
                        return null;
                    }));
        }
        CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).join();
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        long failedToOpen = all.stream().filter(v -> v.socket == null).count();
        Thread.sleep(2_000);
        long heapAfter = serverHeapAfterGc(base, serverPid);
        long open = all.size() - failedToOpen;
        System.out.printf("%d connected in %.1f s (%d failed); server heap %d → %d MiB after GC%n",
                open, connectSeconds, failedToOpen, heapBefore >> 20, heapAfter >> 20);

        Viewer creator = all.get(0);
        List<Viewer> commenters = all.subList(1, 1 + commenterCount);
        List<Viewer> likers = all.subList(1, 1 + signedIn);
        var senders = Executors.newSingleThreadScheduledExecutor();
        long sendStart = System.nanoTime();
        long[] issued = new long[3]; // comments, creator comments, like frames; touched by the sender thread only
        senders.scheduleAtFixedRate(() -> {
            double elapsed = (System.nanoTime() - sendStart) / 1e9;
            for (long due = (long) (elapsed * commentsPerSecond); issued[0] < due; issued[0]++) {
                commenters.get((int) (issued[0] % commenterCount)).comment('V', issued[0]);
            }
            for (long due = (long) (elapsed * creatorRate); issued[1] < due; issued[1]++) {
                creator.comment('K', issued[1]);
            }
            if (!likers.isEmpty()) {
                for (long due = (long) (elapsed * likesPerSecond / likesPerFrame); issued[2] < due; issued[2]++) {
                    likers.get((int) (issued[2] % likers.size())).send("{\"type\":\"like\",\"count\":" + likesPerFrame + "}", false);
                }
            }
        }, 0, 5, TimeUnit.MILLISECONDS);

        Thread.sleep(warmup * 1_000L);
        if (jfr != null) {
            jcmd(serverPid, "JFR.start", "name=room-load", "settings=profile", "duration=" + seconds + "s", "filename=" + jfr);
        }
        long serverCpuStart = processTicks(serverPid);
        long ownCpuStart = ownCpuNanos();
        long messagesStart = messages.get();
        long commentFramesStart = commentFrames.get();
        int closedStart = closedByServer.get();
        measuring = true;
        long measureStart = System.nanoTime();
        Thread.sleep(seconds * 1_000L);
        measuring = false;
        senders.shutdown();
        senders.awaitTermination(5, TimeUnit.SECONDS);
        double wall = (System.nanoTime() - measureStart) / 1e9;
        double serverCpu = (processTicks(serverPid) - serverCpuStart) / 100.0 / wall / cores;
        double ownCpu = (ownCpuNanos() - ownCpuStart) / 1e9 / wall / cores;
        String load = loadAverage();
        double messagesPerSecond = (messages.get() - messagesStart) / wall;
        double commentFramesPerSecond = (commentFrames.get() - commentFramesStart) / wall;
        Thread.sleep(DRAIN_MILLIS);

        long mustExpected = 0;
        long mustLost = 0;
        long refused = 0;
        long ownSent = 0;
        for (Viewer viewer : all) {
            if (viewer.socket == null || viewer.closed) {
                continue; // counted as failed or closed instead
            }
            mustExpected += creator.sentMeasured.get();
            mustLost += Math.max(0, creator.sentMeasured.get() - viewer.creatorReceived.get());
            if (viewer.index >= 0) {
                refused += viewer.refused.get();
                ownSent += viewer.sentMeasured.get();
                mustExpected += viewer.sentMeasured.get();
                mustLost += Math.max(0, viewer.sentMeasured.get() - viewer.ownReceived.get() - viewer.refused.get());
            }
        }
        int closed = closedByServer.get();
        double p50 = latencies.percentileMillis(0.50);
        double p99 = latencies.percentileMillis(0.99);
        double heapPerConnectionKib = open == 0 ? 0 : (heapAfter - heapBefore) / 1024.0 / open;

        System.out.printf("measured %.1f s: %.0f comments/s accepted by the client (+ %.1f/s by the creator), %.0f messages/s and "
                        + "%.0f comment frames/s received%n",
                wall, ownSent / wall, creator.sentMeasured.get() / wall, messagesPerSecond, commentFramesPerSecond);
        System.out.printf("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d deliveries; of which intake (send → stored, "
                        + "from the server's clock) p50 %.1f ms, p99 %.1f ms%n",
                p50, p99, latencies.percentileMillis(1.0), latencies.count(), intake.percentileMillis(0.5),
                intake.percentileMillis(0.99));
        System.out.printf("must-receive comments: %d expected, %d lost; %d refused by the server; %d notices; send failures %d%n",
                mustExpected, mustLost, refused, notices.get(), sendFailures.get());
        System.out.printf("connections: %d failed to open, %d closed by the server (%d during the measurement), transport errors %d, "
                + "close codes %s%n", failedToOpen, closed, closed - closedStart, transportErrors.get(), closeCodes);
        System.out.printf("server: %.1f KiB heap per connection, CPU %.0f %% of %d cores; generator CPU %.0f %%; "
                + "machine load average %s at the end (other processes share the cores)%n",
                heapPerConnectionKib, serverCpu * 100, cores, ownCpu * 100, load);
        System.out.printf(Locale.ROOT, "ROOM-LOAD {\"viewers\":%d,\"comments_per_s\":%d,\"likes_per_s\":%d,\"seconds\":%.1f,"
                        + "\"p50_ms\":%.1f,\"p99_ms\":%.1f,\"intake_p50_ms\":%.1f,\"intake_p99_ms\":%.1f,"
                        + "\"must_expected\":%d,\"must_lost\":%d,\"refused\":%d,"
                        + "\"failed_to_open\":%d,\"closed_by_server\":%d,\"heap_kib_per_connection\":%.1f,"
                        + "\"server_cpu\":%.3f,\"generator_cpu\":%.3f,\"cores\":%d,\"messages_per_s\":%.0f,"
                        + "\"comment_frames_per_s\":%.0f,\"load_average\":\"%s\"}%n",
                viewers, commentsPerSecond, likesPerSecond, wall, p50, p99, intake.percentileMillis(0.5),
                intake.percentileMillis(0.99), mustExpected, mustLost, refused, failedToOpen, closed, heapPerConnectionKib,
                serverCpu, ownCpu, cores, messagesPerSecond, commentFramesPerSecond, load);
        System.out.printf(Locale.ROOT, "| %,d | %d | %,d | %.0f ms | %.0f ms | %d of %,d | %d + %d | %.0f KiB | %.0f %% | %.0f %% |%n",
                viewers, commentsPerSecond, likesPerSecond, p50, p99, mustLost, mustExpected, failedToOpen, closed,
                heapPerConnectionKib, serverCpu * 100, ownCpu * 100);
        System.exit(0); // the sockets close with the process; the script stops the server
    }

    /** One WebSocket connection: the creator (index −1), a signed-in commenter (index ≥ 0) or an anonymous viewer (−2). */
    private static final class Viewer implements WebSocket.Listener {

        final int index;
        final String uri;
        volatile WebSocket socket;
        volatile boolean closed;
        final AtomicInteger creatorReceived = new AtomicInteger();
        final AtomicInteger ownReceived = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger sentMeasured = new AtomicInteger();
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<WebSocket> sending;

        Viewer(int index, String uri) {
            this.index = index;
            this.uri = uri;
        }

        void opened(WebSocket socket) {
            this.socket = socket;
            this.sending = CompletableFuture.completedFuture(socket);
        }

        void comment(char kind, long seq) {
            boolean measured = measuring;
            String text = "bench " + MARK + kind + (measured ? 'M' : 'W') + '#' + index + '#' + seq + '#' + (System.nanoTime() - START);
            send("{\"type\":\"comment\",\"text\":\"" + text + "\"}", measured);
        }

        /** Queues a frame behind this connection's previous one: the JDK client takes one send at a time. */
        synchronized void send(String frame, boolean counted) {
            WebSocket ws = socket;
            if (ws == null || closed) {
                return;
            }
            sending = sending.handle((w, e) -> ws).thenCompose(w -> w.sendText(frame, true)).whenComplete((w, e) -> {
                if (e != null) {
                    sendFailures.incrementAndGet();
                } else if (counted) {
                    sentMeasured.incrementAndGet();
                }
            });
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (!last) {
                partial.append(data);
            } else {
                long arrived = System.nanoTime() - START;
                String message;
                if (partial.isEmpty()) {
                    message = data.toString();
                } else {
                    message = partial.append(data).toString();
                    partial.setLength(0);
                }
                read(message, arrived);
            }
            ws.request(1);
            return null;
        }

        private void read(String message, long arrived) {
            messages.incrementAndGet();
            if (message.contains("\"type\":\"hello\"")) {
                return; // the welcome repeats recent comments from before this connection
            }
            if (message.contains("\"type\":\"notice\"")) {
                notices.incrementAndGet();
                if (measuring && message.contains("\"code\":\"rate-limited\"")) {
                    refused.incrementAndGet();
                }
            }
            for (int at = message.indexOf(MARK); at >= 0; at = message.indexOf(MARK, at + 1)) {
                commentFrames.incrementAndGet();
                int p = at + MARK.length();
                char kind = message.charAt(p);
                if (message.charAt(p + 1) != 'M') {
                    continue;
                }
                p += 3;
                int end = message.indexOf('#', p);
                int sender = Integer.parseInt(message, p, end, 10);
                p = message.indexOf('#', end + 1) + 1;
                end = p;
                while (end < message.length() && Character.isDigit(message.charAt(end))) {
                    end++;
                }
                long sent = Long.parseLong(message, p, end, 10);
                latencies.record(arrived - sent);
                if (kind == 'K') {
                    creatorReceived.incrementAndGet();
                } else if (sender == index) {
                    ownReceived.incrementAndGet();
                    int atField = message.indexOf("\"at\":\"", end);
                    if (atField > 0) {
                        Instant stored = Instant.parse(message.substring(atField + 6, message.indexOf('"', atField + 6)));
                        long storedNanos = stored.getEpochSecond() * 1_000_000_000L + stored.getNano() - START_EPOCH_NANOS;
                        intake.record(storedNanos - sent);
                    }
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed = true;
            closedByServer.incrementAndGet();
            closeCodes.computeIfAbsent(statusCode, c -> new AtomicInteger()).incrementAndGet();
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            if (!closed) {
                closed = true;
                transportErrors.incrementAndGet();
            }
        }
    }

    /** Delivery latencies in 0.1 ms buckets up to a minute; later ones count in the last bucket. */
    private static final class Latencies {

        private static final int BUCKETS = 600_000;
        private final AtomicLongArray counts = new AtomicLongArray(BUCKETS + 1);
        private final AtomicLong total = new AtomicLong();

        void record(long nanos) {
            counts.incrementAndGet((int) Math.min(BUCKETS, Math.max(0, nanos / 100_000)));
            total.incrementAndGet();
        }

        long count() {
            return total.get();
        }

        double percentileMillis(double p) {
            long n = total.get();
            if (n == 0) {
                return Double.NaN;
            }
            long rank = Math.max(1, (long) Math.ceil(p * n));
            long seen = 0;
            for (int i = 0; i <= BUCKETS; i++) {
                seen += counts.get(i);
                if (seen >= rank) {
                    return (i + 1) / 10.0; // the bucket's upper edge
                }
            }
            return BUCKETS / 10.0;
        }
    }

    /** Signs up {@code count} accounts four at a time; answers their tokens in order. */
    private static List<String> accounts(HttpShop shop, String prefix, int count) throws Exception {
        String[] tokens = new String[count];
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < count; i++) {
                int n = i;
                pool.submit(() -> {
                    tokens[n] = shop.account(prefix + n);
                    return null;
                });
            }
        }
        for (int i = 0; i < count; i++) {
            if (tokens[i] == null) {
                throw new IllegalStateException("account " + prefix + i + " was not made");
            }
        }
        return List.of(tokens);
    }

    /** The server's used heap after a full GC, from its open Prometheus endpoint. */
    private static long serverHeapAfterGc(String base, long pid) throws Exception {
        jcmd(pid, "GC.run");
        Thread.sleep(500);
        HttpClient http = HttpClient.newHttpClient();
        String body = http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long used = 0;
        for (String line : body.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return used;
    }

    private static void jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid)));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    /** User + system CPU of a process in clock ticks (USER_HZ, 100 on Linux). */
    private static long processTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, fields 14 and 15 of stat
    }

    /** The machine's 1-, 5- and 15-minute load averages: the generator and the server are not alone on it. */
    private static String loadAverage() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }

    private static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private RoomLoad() {
    }
}
