package org.opensync.provisioner;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opensync.common.security.GraphPermissions;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.testing.TestTokens;

/**
 * Prints figures; asserts nothing about speed. {@code bench.calls} provision-on-demand requests, one after the
 * other, each creating a different user read from slapd in the sandbox SCIM application, then as many again for the
 * same users (nothing to do: a redundant export), with the latency percentiles of each round as seen by the caller.
 * Run: {@code mvn -B -pl provisioner test -Dtest=OnDemandBenchmark -Dbench.on-demand=true [-Dbench.calls=200]}.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "bench.on-demand", matches = "true")
class OnDemandBenchmark extends ProvisionerTestBase {
    private static final String RULE = "6c7d8e9f-0a1b-4c2d-8e3f-4a5b6c7d8e9f";

    @Test
    void latency() throws Exception {
        int calls = Integer.getInteger("bench.calls", 200);
        DirectoryData data = new DirectoryDataGenerator().generate(calls, 0);
        String token = TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ_WRITE);
        try (SlapdTestDirectory directory = new SlapdTestDirectory()) {
            directory.load(data);
            TargetJob job = ready(null, Map.of("Server", directory.url(), "UserName", directory.bindDn(),
                    "Password", directory.password(), "Domain", directory.baseDn()));
            print("create", round(job, token, directory, data.users()));
            print("redundant", round(job, token, directory, data.users()));
        }
    }

    private static List<Long> round(TargetJob job, String token, SlapdTestDirectory directory,
                                    List<GeneratedUser> users) {
        List<Long> micros = new ArrayList<>();
        for (GeneratedUser user : users) {
            long start = System.nanoTime();
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"parameters\":[{\"ruleId\":\"" + RULE + "\",\"subjects\":[{\"objectId\":\""
                            + directory.userDn(user.uid()) + "\",\"objectTypeName\":\"User\"}]}]}")
                    .post("/internal/jobs/" + job.jobId + "/provisionOnDemand").then().statusCode(200);
            micros.add((System.nanoTime() - start) / 1000);
        }
        return micros;
    }

    private static void print(String round, List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        System.out.printf("BENCH on-demand %s: %d calls, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                round, sorted.size(), at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1000.0);
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }
}
