package org.opensync.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
import org.opensync.sandbox.directory.TestDirectory;
import org.opensync.sandbox.scim.ScimServer;

/** A service principal with a scim job from a directory to a SCIM app, driven through job-api as an admin would. */
final class ProvisioningJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform;
    final String servicePrincipalId;
    final String jobId;

    private ProvisioningJob(Platform platform, String servicePrincipalId, String jobId) {
        this.platform = platform;
        this.servicePrincipalId = servicePrincipalId;
        this.jobId = jobId;
    }

    static ProvisioningJob create(Platform platform, TestDirectory source, ScimServer target, String token) {
        return create(platform, "scim", target, token, Map.of("Server", source.url(), "UserName", source.bindDn(),
                "Password", source.password(), "Domain", source.baseDn()));
    }

    /** A job of {@code templateId} whose source is described by {@code sourceSecrets} (Server, UserName, …). */
    static ProvisioningJob create(Platform platform, String templateId, ScimServer target, String token,
                                  Map<String, String> sourceSecrets) {
        Map<String, String> secrets = new HashMap<>(sourceSecrets);
        secrets.putAll(Map.of("BaseAddress", target.baseUrl(), "SecretToken", token));
        return create(platform, templateId, secrets);
    }

    /** A job of {@code templateId} with these secrets (an API-driven job names only its target). */
    static ProvisioningJob create(Platform platform, String templateId, Map<String, String> secrets) {
        String spId = platform.api().body("{\"appId\":\"" + UUID.randomUUID() + "\",\"displayName\":\"E2E " + templateId
                        + "\"}").post("/beta/servicePrincipals").then().statusCode(201).extract().path("id");
        ProvisioningJob job = new ProvisioningJob(platform, spId, null);
        job.putSecrets(secrets);
        String[] jobId = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            Response response = platform.api().body("{\"templateId\":\"" + templateId + "\"}")
                    .post("/beta/servicePrincipals/" + spId + "/synchronization/jobs");
            jobId[0] = response.statusCode() == 201 ? response.path("id") : null;
            return jobId[0] != null;
        });
        return new ProvisioningJob(platform, spId, jobId[0]);
    }

    String path() {
        return "/beta/servicePrincipals/" + servicePrincipalId + "/synchronization/jobs/" + jobId;
    }

    void putSecrets(Map<String, String> secrets) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode values = body.putArray("value");
        secrets.forEach((key, value) -> values.addObject().put("key", key).put("value", value));
        platform.api().body(body.toString()).put("/beta/servicePrincipals/" + servicePrincipalId
                + "/synchronization/secrets").then().statusCode(204);
    }

    /** Rewrites the job's schema text (e.g. the containers a template names) through the schema API. */
    void editSchema(UnaryOperator<String> edit) {
        String schema = platform.api().get(path() + "/schema").then().statusCode(200).extract().asString();
        platform.api().body(edit.apply(schema)).put(path() + "/schema").then().statusCode(204);
    }

    /** Posts a SCIM BulkRequest as an HR system does. */
    Response bulkUpload(String bulkRequest) {
        return platform.api().contentType("application/scim+json").body(bulkRequest).post(path() + "/bulkUpload");
    }

    /** Adds a scoping filter to the user mapping through the schema API (forwarded to schema-service). */
    void scopeUsers(String filterJson) throws Exception {
        ObjectNode schema = (ObjectNode) JSON.readTree(platform.api().get(path() + "/schema").then().statusCode(200)
                .extract().asString());
        ((ObjectNode) schema.at("/synchronizationRules/0/objectMappings/0")).set("scope", JSON.readTree(filterJson));
        platform.api().body(schema.toString()).put(path() + "/schema").then().statusCode(204);
    }

    void start() {
        platform.api().post(path() + "/start").then().statusCode(204);
    }

    void pause() {
        platform.api().post(path() + "/pause").then().statusCode(204);
    }

    void restart(String resetScope) {
        restart(resetScope, Map.of());
    }

    /** @param headers sent with the request as well, e.g. a W3C {@code traceparent} */
    void restart(String resetScope, Map<String, String> headers) {
        platform.api().headers(headers).body("{\"criteria\":{\"resetScope\":\"" + resetScope + "\"}}")
                .post(path() + "/restart").then().statusCode(204);
    }

    JsonPath status() {
        return platform.api().get(path()).then().statusCode(200).extract().jsonPath();
    }

    /** Waits for a cycle that began after {@code after} to finish with this result, and returns the job. */
    JsonPath awaitCycleAfter(Instant after, Duration timeout, String... states) {
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonPath status = status();
            String began = status.getString("status.lastExecution.timeBegan");
            return began != null && Instant.parse(began).isAfter(after)
                    && Arrays.asList(states).contains(status.getString("status.lastExecution.state"));
        });
        return status();
    }

    JsonNode logs(String filter) throws Exception {
        return JSON.readTree(platform.api().queryParam("$filter", "jobId eq '" + jobId + "'" + filter)
                .queryParam("$top", 1000).get("/beta/auditLogs/provisioning").then().statusCode(200)
                .extract().asString()).get("value");
    }
}
