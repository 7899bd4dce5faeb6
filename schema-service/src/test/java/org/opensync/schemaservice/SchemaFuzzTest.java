package org.opensync.schemaservice;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;
import org.opensync.testing.fuzz.FuzzReport;
import org.opensync.testing.fuzz.FuzzTokens;
import org.opensync.testing.fuzz.FuzzRequest;
import org.opensync.testing.fuzz.RawHttp;
import org.opensync.testing.fuzz.RequestFuzzer;

/**
 * Seeded fuzzing of schema-service's own routes (templates, job schemas, the expression catalogue and parser), as
 * job-api forwards them or a client reaching the service directly sends them: no request may get a 5xx or an error
 * without the Graph error body. Rerun with {@code -Dfuzz.seed=42 -Dfuzz.requests=5000}.
 */
@QuarkusTest
class SchemaFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261205L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 800);
    private static final String SYNCHRONIZATION = "/{v}/servicePrincipals/{sp}/synchronization";
    private static final String JOB_SCHEMA = SYNCHRONIZATION + "/jobs/{job}/schema";
    private static final String TEMPLATE = SYNCHRONIZATION + "/templates/{tpl}";
    private static final List<String> ROUTES = List.of(
            SYNCHRONIZATION + "/templates", SYNCHRONIZATION + "/templates/$count", TEMPLATE, TEMPLATE + "/schema",
            TEMPLATE + "/schema/directories", TEMPLATE + "/schema/directories/{dir}", TEMPLATE + "/schema/functions",
            TEMPLATE + "/schema/filterOperators", TEMPLATE + "/schema/parseExpression",
            JOB_SCHEMA, JOB_SCHEMA + "/directories", JOB_SCHEMA + "/directories/$count",
            JOB_SCHEMA + "/directories/{dir}", JOB_SCHEMA + "/functions",
            JOB_SCHEMA + "/filterOperators", JOB_SCHEMA + "/parseExpression", SYNCHRONIZATION + "/jobs/{job}",
            "/{v}/servicePrincipals/{sp}", "/{v}", "/");

    @Test
    void noRequestGetsAServerErrorOrAnErrorWithoutTheGraphShape() throws IOException {
        String[] job = Jobs.created();
        Map<String, String> fixtures = Map.of("sp", job[0], "job", job[1], "tpl", "scim",
                "dir", "directory-" + UUID.randomUUID(), "appId", UUID.randomUUID().toString());
        RequestFuzzer fuzzer = new RequestFuzzer(SEED, ROUTES, FuzzTokens.with("writer",
                TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ_WRITE)));
        RawHttp http = new RawHttp("127.0.0.1", RestAssured.port);
        FuzzReport report = new FuzzReport();
        for (int i = 0; i < REQUESTS; i++) {
            FuzzRequest request = fuzzer.next(fixtures);
            report.record(request, http.send(request));
        }
        System.out.println(report.table("schema-service fuzz", SEED));
        assertThat(report.failures()).isEmpty();
        assertThat(report.total()).isEqualTo(REQUESTS);
    }
}
