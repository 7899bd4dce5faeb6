package org.opensync.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Finds the Kafka broker and PostgreSQL server tests use, once per JVM, in this order: explicit environment
 * variables ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code POSTGRES_URL}, {@code POSTGRES_USER}, {@code POSTGRES_PASSWORD});
 * Testcontainers when a Docker engine answers (unless {@code INFRA_USE_CONTAINERS=false}); the services that
 * {@code infra/infra.sh start} runs on 127.0.0.1.
 */
public final class InfraEndpoints {
    private static final String START_HINT = "start them with 'infra/infra.sh start' or set ";
    private static String kafkaBootstrap;
    private static String postgresServerUrl;
    private static KafkaContainer kafkaContainer;
    private static PostgreSQLContainer postgresContainer;

    private InfraEndpoints() {
    }

    public static synchronized String kafkaBootstrap() {
        if (kafkaBootstrap == null) {
            kafkaBootstrap = setting("KAFKA_BOOTSTRAP_SERVERS");
        }
        if (kafkaBootstrap == null && useContainers()) {
            kafkaContainer = new KafkaContainer("apache/kafka-native:4.1.2");
            kafkaContainer.start();
            kafkaBootstrap = kafkaContainer.getBootstrapServers();
        }
        if (kafkaBootstrap == null) {
            requireListening(9092, "Kafka", "KAFKA_BOOTSTRAP_SERVERS");
            kafkaBootstrap = "127.0.0.1:9092";
        }
        return kafkaBootstrap;
    }

    /** JDBC URL of the server without a database name, e.g. {@code jdbc:postgresql://127.0.0.1:5432}. */
    public static synchronized String postgresServerUrl() {
        if (postgresServerUrl == null) {
            postgresServerUrl = setting("POSTGRES_URL");
        }
        if (postgresServerUrl == null && useContainers()) {
            postgresContainer = new PostgreSQLContainer("postgres:16-alpine")
                    .withUsername(postgresUser()).withPassword(postgresPassword());
            postgresContainer.start();
            postgresServerUrl = "jdbc:postgresql://" + postgresContainer.getHost() + ":"
                    + postgresContainer.getMappedPort(5432);
        }
        if (postgresServerUrl == null) {
            requireListening(5432, "PostgreSQL", "POSTGRES_URL");
            postgresServerUrl = "jdbc:postgresql://127.0.0.1:5432";
        }
        return postgresServerUrl;
    }

    public static String postgresUser() {
        String user = setting("POSTGRES_USER");
        return user == null ? "sync" : user;
    }

    public static String postgresPassword() {
        String password = setting("POSTGRES_PASSWORD");
        return password == null ? "sync" : password;
    }

    /**
     * Drops and creates {@code database}, so every test JVM starts from empty tables. {@code SYNC_TEST_DB_SUFFIX}
     * (e.g. {@code _b}) is appended to the name, so that two checkouts can run their tests on one PostgreSQL server
     * side by side (each with a Kafka broker of its own, see {@code infra/infra.sh}).
     */
    public static String freshDatabase(String name) {
        String suffix = setting("SYNC_TEST_DB_SUFFIX");
        String database = suffix == null ? name : name + suffix;
        String server = postgresServerUrl();
        try (Connection connection = DriverManager.getConnection(server + "/postgres", postgresUser(), postgresPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + database + " on " + server
                    + " as " + postgresUser() + ": " + e.getMessage(), e);
        }
        return server + "/" + database;
    }

    private static boolean useContainers() {
        if ("false".equalsIgnoreCase(setting("INFRA_USE_CONTAINERS"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void requireListening(int port, String what, String variable) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
        } catch (IOException e) {
            throw new IllegalStateException(what + " is not reachable on 127.0.0.1:" + port + " and no Docker engine "
                    + "is available: " + START_HINT + variable + ".");
        }
    }

    private static String setting(String name) {
        String value = System.getProperty(name, System.getenv(name));
        return value == null || value.isBlank() ? null : value;
    }
}
