package org.opensync.e2e;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

/**
 * The provisioner faults of {@link FaultInjectionIT} for one job whose cycle two provisioner instances share
 * (docs/scaling.md): an instance killed mid-cycle leaves its slices to the other one, which goes on from the last
 * committed batch, and the cycle still ends once with the target equal to the source.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpreadFaultInjectionIT {
    private static final int USERS = 300;
    private static final int GROUPS = 10;
    private static final int CHANGES = 40;
    private static final Duration CONVERGE = Duration.ofMinutes(4);
    private static final String TOKEN = "chaos-spread-scim-token";

    private final DirectoryDataGenerator generator = new DirectoryDataGenerator();
    private SlapdTestDirectory directory;
    private ScimServer scim;
    private Platform platform;
    private ExpectedTarget expected;
    private ChaosScenarios chaos;

    @BeforeAll
    void start() throws Exception {
        DirectoryData data = generator.generate(USERS, GROUPS);
        directory = new SlapdTestDirectory();
        directory.load(data);
        expected = new ExpectedTarget(directory, generator, data);
        scim = new ScimServer(ScimServerConfig.defaults().withBearerToken(TOKEN).withJournalCapacity(1_000)).start();
        platform = new Platform().start(Duration.ofSeconds(3),
                Map.of("sync.change-detector.spread-job-changes", "true",
                        "SYNC_PROVISIONER_PARTITION_FETCH_BYTES", Platform.SPREAD_PARTITION_FETCH_BYTES));
        platform.startAnother("provisioner");
        chaos = new ChaosScenarios(ProvisioningJob.create(platform, directory, scim, TOKEN), scim, expected, CONVERGE);
    }

    @AfterAll
    void stop() throws Exception {
        if (chaos != null) {
            chaos.printTable();
        }
        Resources.closeAll(platform, scim, directory);
    }

    @Test
    @Order(1)
    void oneInstanceKilledDuringTheInitialCycle() throws Exception {
        chaos.run("spread job: one of two provisioners kill -9, initial cycle", () -> {
            chaos.awaitTargetBusy(USERS / 4);
            expected.change(CHANGES / 2);
            platform.kill("provisioner-2");
            expected.change(CHANGES / 2);
            platform.restart("provisioner-2");
        });
    }

    @Test
    @Order(2)
    void theOtherInstanceKilledDuringAnIncrementalCycle() throws Exception {
        chaos.run("spread job: the other provisioner kill -9, incremental cycle", () -> {
            expected.change(CHANGES);
            chaos.awaitTargetBusy(5);
            platform.kill("provisioner");
            expected.change(CHANGES / 4);
            platform.restart("provisioner");
        });
    }
}
