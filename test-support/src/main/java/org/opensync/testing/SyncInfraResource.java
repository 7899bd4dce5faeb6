package org.opensync.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a service under test at the real Kafka broker and at a fresh PostgreSQL database of its own. Init argument
 * {@code db}: the service's database name; tests use {@code <db>_test} so a locally running platform keeps its data.
 */
public class SyncInfraResource implements QuarkusTestResourceLifecycleManager {
    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("db", "sync") + "_test";
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "kafka.bootstrap.servers", InfraEndpoints.kafkaBootstrap(),
                "quarkus.datasource.jdbc.url", InfraEndpoints.freshDatabase(database),
                "quarkus.datasource.username", InfraEndpoints.postgresUser(),
                "quarkus.datasource.password", InfraEndpoints.postgresPassword());
    }

    @Override
    public void stop() {
        // the broker and the server outlive the test run; the database is recreated by the next run
    }
}
