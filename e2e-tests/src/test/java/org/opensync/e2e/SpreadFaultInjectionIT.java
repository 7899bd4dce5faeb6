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

    private ChaosScenarios chaos;

    @BeforeAll
    void start() throws Exception {
        chaos = ChaosScenarios.start(USERS, GROUPS, CONVERGE, Map.of("sync.change-detector.spread-job-changes", "true",
                "SYNC_PROVISIONER_PARTITION_FETCH_BYTES", Platform.SPREAD_PARTITION_FETCH_BYTES));
        chaos.platform().startAnother("provisioner");
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(chaos);
    }

    @Test
    @Order(1)
    void oneInstanceKilledDuringTheInitialCycle() throws Exception {
        chaos.killDuringTheInitialCycle("spread: one of two provisioners kill -9, initial",
                "provisioner-2", USERS / 4, CHANGES);
    }

    @Test
    @Order(2)
    void theOtherInstanceKilledDuringAnIncrementalCycle() throws Exception {
        chaos.killDuringAnIncrementalCycle("spread: the other provisioner kill -9, incremental",
                "provisioner", CHANGES);
    }
}
