package org.opensync.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;

/**
 * A service started as its own JVM from the jar the build produced ({@code target/quarkus-app/quarkus-run.jar}),
 * for tests about processes: several instances, restarts, crashes.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The system property that replaces the services' JVM options. */
    public static final String JVM_OPTIONS = "opensync.service-jvm-options";

    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /**
     * Starts the jar with these configuration properties and waits until {@code /q/health/ready} answers UP.
     *
     * @param name a label for the log file under {@code target/it-logs}
     */
    public static ServiceProcess start(String name, Map<String, String> properties, Duration timeout)
            throws IOException {
        return start(name, Path.of("target", "quarkus-app", "quarkus-run.jar"), properties, timeout);
    }

    /** Starts the given service jar (e.g. {@code ../job-api/target/quarkus-app/quarkus-run.jar}). */
    public static ServiceProcess start(String name, Path jar, Map<String, String> properties, Duration timeout)
            throws IOException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: run the package phase first");
        }
        Path logs = Files.createDirectories(Path.of("target", "it-logs"));
        Path log = logs.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions());
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        // A free port unless the caller pins one (a restarted service keeps its address, as behind a Service)
        command.add("-Dquarkus.http.port=" + properties.getOrDefault("quarkus.http.port", "0"));
        command.add("-Dquarkus.http.host=127.0.0.1");
        // as in production (Dockerfiles, bin/platform): malformed URLs get sync-common's Graph-shaped 400
        command.add("-Dvertx.disableURIValidation=true");
        command.add("-jar");
        command.add(jar.toString());
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        int[] port = new int[1];
        try {
            Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
                }
                String output = Files.readString(log).substring((int) logStart);
                Matcher matcher = LISTENING.matcher(output);
                if (!matcher.find()) {
                    return false;
                }
                port[0] = Integer.parseInt(matcher.group(1));
                return ready(port[0]);
            });
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return new ServiceProcess(process, log, port[0]);
    }

    /**
     * {@value #JVM_OPTIONS} (options separated by spaces) when set, e.g. the small-footprint options of
     * {@code bin/platform} to measure memory as the platform runs by default; otherwise a heap roomy enough for tests.
     */
    static List<String> jvmOptions() {
        String options = System.getProperty(JVM_OPTIONS, "").strip();
        return options.isEmpty() ? List.of("-Xmx512m", "-XX:+UseSerialGC") : List.of(options.split("\\s+"));
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Peak resident memory of the process so far (VmHWM), in KiB; -1 where /proc is not available. */
    public long peakRssKib() {
        return status("VmHWM:");
    }

    /** Resident memory of the process now (VmRSS), in KiB; -1 where /proc is not available. */
    public long rssKib() {
        return status("VmRSS:");
    }

    /** CPU time the process has used so far, user and system; zero where the platform does not tell. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private long status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public Path log() {
        return log;
    }

    /** Stops the process like an orchestrator would (SIGTERM, graceful shutdown), waiting for it to exit. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Kills the process without a chance to clean up, like a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
