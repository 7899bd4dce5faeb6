package org.opensync.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the Kafka broker and the PostgreSQL server the platform runs on, when this machine runs them
 * through {@code infra/infra.sh} (not in containers): outages are real, not simulated.
 */
final class Outages {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private Outages() {
    }

    /** Whether the broker is the one {@code infra/infra.sh} started, so that it may be stopped and started. */
    static boolean brokerControllable() {
        return Files.exists(ROOT.resolve(".infra/kafka/kafka.pid"))
                && System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092").endsWith(":9092");
    }

    /** Whether PostgreSQL is a local cluster this user may stop and start. */
    static boolean databaseControllable() {
        return Files.isExecutable(Path.of("/usr/bin/pg_ctlcluster")) && "root".equals(System.getProperty("user.name"))
                && postgresVersion() != null;
    }

    static void stopBroker() {
        run(List.of("bash", ROOT.resolve("infra/infra.sh").toString(), "stop", "kafka"));
    }

    static void startBroker() {
        run(List.of("bash", ROOT.resolve("infra/infra.sh").toString(), "start", "kafka"));
    }

    static void stopDatabase() {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "stop", "-m", "fast"));
    }

    static void startDatabase() {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", postgresVersion(), "main", "start"));
    }

    private static String postgresVersion() {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(path -> path.getFileName().toString()).max(Comparable::compareTo).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).inheritIO().start();
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", command) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
