package io.laotie.support;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A private nginx with the RTMP module, configured from the repository's {@code media/nginx.conf.template} in a
 * temporary prefix on free loopback ports, and ffmpeg to publish a generated test stream to it. Without Debian's
 * {@code nginx}, {@code libnginx-mod-rtmp} or {@code ffmpeg} a test class is skipped with the reason printed, except
 * under {@code CI=true}, where it fails. Override the paths with {@code -Dlaotie.nginx=…}, {@code -Dlaotie.ffmpeg=…}.
 */
public final class NginxRtmp implements AutoCloseable {

    private static final Path NGINX = Path.of(System.getProperty("laotie.nginx", "/usr/sbin/nginx"));
    private static final Path FFMPEG = Path.of(System.getProperty("laotie.ffmpeg", "/usr/bin/ffmpeg"));
    private static final Path RTMP_MODULE = Path.of("/usr/lib/nginx/modules/ngx_rtmp_module.so");
    private static final Path TEMPLATE = Path.of("media", "nginx.conf.template");
    private static final Duration START = Duration.ofSeconds(15);

    private final Path prefix;
    private final int rtmpPort;
    private final int httpPort;
    private final Process nginx;
    private final List<Process> publishers = new ArrayList<>();
    private final AtomicInteger logs = new AtomicInteger();

    private NginxRtmp(Path prefix, int rtmpPort, int httpPort, Process nginx) {
        this.prefix = prefix;
        this.rtmpPort = rtmpPort;
        this.httpPort = httpPort;
        this.nginx = nginx;
    }

    /**
     * Starts nginx calling Laotie's hooks at {@code laotieUrl} with {@code hookSecret}, with 1-second HLS fragments;
     * skips (fails under CI) when nginx, its RTMP module or ffmpeg is missing.
     */
    public static NginxRtmp startOrSkip(String laotieUrl, String hookSecret) throws IOException, InterruptedException {
        String missing = !Files.isExecutable(NGINX) ? "nginx (" + NGINX + ")"
                : !Files.isRegularFile(RTMP_MODULE) ? "the nginx RTMP module (" + RTMP_MODULE + ")"
                : !Files.isExecutable(FFMPEG) ? "ffmpeg (" + FFMPEG + ")" : null;
        if (missing != null) {
            String reason = "Media-server tests need " + missing + ": apt-get install nginx libnginx-mod-rtmp ffmpeg";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail(reason);
            }
            System.out.println("Skipping media-server tests. " + reason);
            Assumptions.abort(reason);
        }
        Path prefix = Files.createTempDirectory("laotie-nginx-");
        for (String folder : List.of("conf", "logs", "hls", "temp")) {
            Files.createDirectories(prefix.resolve(folder));
        }
        int rtmpPort = freePort();
        int httpPort = freePort();
        String config = render(Files.readString(TEMPLATE), Map.of(
                "@LOAD_MODULE@", "load_module " + RTMP_MODULE + ";",
                "@USER@", "root".equals(System.getProperty("user.name")) ? "user root;" : "",
                "@PREFIX@", prefix.toString(),
                "@RTMP_LISTEN@", "127.0.0.1:" + rtmpPort,
                "@HTTP_LISTEN@", "127.0.0.1:" + httpPort,
                "@LAOTIE_URL@", laotieUrl,
                "@HOOK_SECRET@", hookSecret,
                "@APP_ORIGIN@", laotieUrl,
                "@HLS_FRAGMENT@", "1s",
                "@HLS_PLAYLIST_LENGTH@", "6s"));
        Path conf = prefix.resolve("conf/nginx.conf");
        Files.writeString(conf, config);
        Process nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-e", prefix.resolve("logs/error.log").toString(),
                "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/nginx.out").toFile()).start();
        NginxRtmp server = new NginxRtmp(prefix, rtmpPort, httpPort, nginx);
        long until = System.nanoTime() + START.toNanos();
        while (!(listening(rtmpPort) && listening(httpPort))) {
            if (!nginx.isAlive() || System.nanoTime() > until) {
                String log = server.log("logs/error.log") + server.log("logs/nginx.out");
                server.close();
                throw new IllegalStateException("nginx did not start: " + log);
            }
            Thread.sleep(50);
        }
        return server;
    }

    public int rtmpPort() {
        return rtmpPort;
    }

    /** Where viewers fetch HLS: {@code http://127.0.0.1:<port>/hls}. */
    public String playbackBaseUrl() {
        return "http://127.0.0.1:" + httpPort + "/hls";
    }

    public String controlUrl() {
        return "http://127.0.0.1:" + httpPort + "/control";
    }

    /** The internal application nginx relays streams to. */
    public String relayBaseUrl() {
        return "rtmp://127.0.0.1:" + rtmpPort + "/hls";
    }

    /** The folder nginx writes HLS into. */
    public Path hlsFolder() {
        return prefix.resolve("hls");
    }

    /** ffmpeg publishing a generated picture and tone with this key, a keyframe each second; its output kept in a log. */
    public Process publish(String streamKey) throws IOException {
        Path log = prefix.resolve("logs/ffmpeg-" + logs.incrementAndGet() + ".log");
        Process ffmpeg = new ProcessBuilder(FFMPEG.toString(), "-nostdin", "-hide_banner", "-loglevel", "warning",
                "-re", "-f", "lavfi", "-i", "testsrc=size=640x360:rate=25", "-f", "lavfi", "-i", "sine=frequency=440",
                "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-c:a", "aac",
                "-f", "flv", "rtmp://127.0.0.1:" + rtmpPort + "/live/" + streamKey)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        publishers.add(ffmpeg);
        return ffmpeg;
    }

    /** Stops a publisher the way a streamer does (SIGTERM: ffmpeg closes the stream) and waits for it. */
    public static int stop(Process publisher) throws InterruptedException {
        publisher.destroy();
        if (!publisher.waitFor(10, TimeUnit.SECONDS)) {
            publisher.destroyForcibly().waitFor();
        }
        return publisher.exitValue();
    }

    /** A file of the prefix, such as {@code logs/error.log}, for failure messages. */
    public String log(String file) {
        try {
            return Files.readString(prefix.resolve(file));
        } catch (IOException e) {
            return "(no " + file + ")";
        }
    }

    @Override
    public void close() throws InterruptedException, IOException {
        for (Process publisher : publishers) {
            publisher.destroyForcibly().waitFor();
        }
        nginx.destroy();
        if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
            nginx.destroyForcibly().waitFor();
        }
        try (var files = Files.walk(prefix)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    private static String render(String template, Map<String, String> values) {
        String out = template;
        for (var value : values.entrySet()) {
            out = out.replace(value.getKey(), value.getValue());
        }
        var left = java.util.regex.Pattern.compile("@[A-Z][A-Z_]+@").matcher(out.replace("@NAME@", ""));
        if (left.find()) {
            throw new IllegalStateException("the template has a placeholder this test does not fill: " + left.group());
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
