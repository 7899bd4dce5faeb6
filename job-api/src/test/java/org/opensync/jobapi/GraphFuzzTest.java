package org.opensync.jobapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.testing.fuzz.FuzzReport;
import org.opensync.testing.fuzz.FuzzTokens;
import org.opensync.testing.fuzz.FuzzRequest;
import org.opensync.testing.fuzz.RawHttp;
import org.opensync.testing.fuzz.RequestFuzzer;

/**
 * Seeded fuzzing of every route job-api answers (template and schema routes are forwarded to a stand-in for
 * schema-service): no request may get a 5xx or an error without the Graph error body. The management routes under
 * {@code /q} are fuzzed too and may not answer a 5xx; their 4xx are Quarkus' own. Rerun with another seed or size:
 * {@code -Dfuzz.seed=42 -Dfuzz.requests=20000}; a failure names the request, so it can be replayed by hand.
 */
@QuarkusTest
class GraphFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 20261205L);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2500);
    private static final String SYNCHRONIZATION = "/{v}/servicePrincipals/{sp}/synchronization";
    private static final String JOB = SYNCHRONIZATION + "/jobs/{job}";
    private static final String TEMPLATE = SYNCHRONIZATION + "/templates/{tpl}";
    private static final List<String> ROUTES = List.of(
            "/{v}/servicePrincipals", "/{v}/servicePrincipals/$count", "/{v}/servicePrincipals/{sp}",
            SYNCHRONIZATION, SYNCHRONIZATION + "/secrets", SYNCHRONIZATION + "/secrets/$count",
            SYNCHRONIZATION + "/jobs", JOB, JOB + "/start", JOB + "/pause", JOB + "/stop", JOB + "/restart",
            JOB + "/provisionOnDemand", JOB + "/validateCredentials", JOB + "/schema", JOB + "/schema/directories",
            JOB + "/schema/directories/{dir}", JOB + "/schema/functions", JOB + "/schema/filterOperators",
            JOB + "/schema/parseExpression", SYNCHRONIZATION + "/templates", TEMPLATE, TEMPLATE + "/schema",
            TEMPLATE + "/schema/functions", TEMPLATE + "/schema/parseExpression",
            "/{v}/auditLogs/provisioning", "/{v}/auditLogs/provisioning/{log}", "/{v}/auditLogs/directoryProvisioning",
            "/{v}/applications", "/{v}/$batch", "/{v}/$metadata", "/{v}", "/",
            SYNCHRONIZATION + "/Ping()", SYNCHRONIZATION + "/jobs/$count", "/{v}/applicationTemplates",
            "/{v}/applicationTemplates/" + ApplicationTemplateTest.CUSTOM,
            "/{v}/applicationTemplates/" + ApplicationTemplateTest.CUSTOM + "/instantiate",
            "/{v}/applications/{sp}/synchronization/jobs/{job}/start",
            "/q/health", "/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/{log}");

    @Test
    void noRequestGetsAServerErrorOrAnErrorWithoutTheGraphShape() throws IOException {
        RequestFuzzer fuzzer = new RequestFuzzer(SEED, ROUTES, FuzzTokens.with("admin", GraphClient.ADMIN));
        RawHttp http = new RawHttp("127.0.0.1", RestAssured.port);
        FuzzReport report = new FuzzReport();
        FuzzReport management = new FuzzReport();
        Map<String, String> fixtures = Map.of();
        for (int i = 0; i < REQUESTS; i++) {
            if (i % 100 == 0) {
                fixtures = fixtures(fixtures);
            }
            FuzzRequest request = fuzzer.next(fixtures);
            RawHttp.Response response = http.send(request);
            (request.route().startsWith("/q/") ? management : report).record(request, response);
        }
        System.out.println(report.table("job-api fuzz", SEED));
        System.out.println(management.table("job-api fuzz of /q", SEED));
        assertThat(report.failures()).isEmpty();
        assertThat(management.failures()).isEmpty();
        assertThat(report.total() + management.total()).isEqualTo(REQUESTS);
        assertThat(management.total()).isPositive();
    }

    /** Real ids for the placeholders; a fuzzed DELETE may have removed the job or its service principal. */
    private static Map<String, String> fixtures(Map<String, String> current) {
        if (!current.isEmpty() && GraphClient.asAdmin().get("/beta/servicePrincipals/" + current.get("sp")
                + "/synchronization/jobs/" + current.get("job")).statusCode() == 200) {
            return current;
        }
        String[] job = GraphClient.newJob();
        String appId = GraphClient.asAdmin().get("/beta/servicePrincipals/" + job[0]).then().statusCode(200)
                .extract().path("appId");
        return Map.of("sp", job[0], "job", job[1], "appId", appId, "tpl", "scim",
                "dir", "directory-" + UUID.randomUUID(), "log", UUID.randomUUID().toString());
    }
}
