package org.opensync.jobapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.jobPath;
import static org.opensync.jobapi.GraphClient.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.jobapi.job.SynchronizationJob;
import org.opensync.jobapi.serviceprincipal.ServicePrincipal;

/** Every malformed request gets the Graph error shape with the right status and leaves stored data as it was. */
@QuarkusTest
class BadInputTest {

    @Test
    void malformedJsonOnJobCreation() {
        String spId = GraphClient.newServicePrincipal("bad-input");
        long before = rows();
        graphError(json("{\"templateId\": \"scim\"").post(jobsOf(spId)), 400, "invalidRequest")
                .body("error.message", containsString("not valid JSON"));
        graphError(json("[1,2]").post(jobsOf(spId)), 400, "invalidRequest");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void missingOrInvalidTemplateId() {
        String spId = GraphClient.newServicePrincipal("bad-template");
        long before = rows();
        graphError(json("{}").post(jobsOf(spId)), 400, "invalidRequest").body("error.target", equalTo("templateId"));
        graphError(json("{\"templateId\":42}").post(jobsOf(spId)), 400, "invalidRequest");
        graphError(json("{\"templateId\":\"NoSuchTemplate\"}").post(jobsOf(spId)), 400, "invalidRequest")
                .body("error.message", containsString("NoSuchTemplate"));
        graphError(asAdmin().contentType(ContentType.JSON).post(jobsOf(spId)), 400, "invalidRequest");
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void unknownResetScopeMemberLeavesTheJobAsItWas() {
        String[] job = GraphClient.newJob();
        graphError(json("{\"criteria\":{\"resetScope\":\"Watermark, Everything\"}}").post(jobPath(job) + "/restart"),
                400, "invalidRequest")
                .body("error.message", containsString("Everything"))
                .body("error.target", equalTo("criteria.resetScope"));
        graphError(json("{\"criteria\":{\"resetScope\":7}}").post(jobPath(job) + "/restart"), 400, "invalidRequest");
        graphError(json("{\"criteria\":\"Full\"}").post(jobPath(job) + "/restart"), 400, "invalidRequest");
        graphError(json("{\"criteria\":").post(jobPath(job) + "/restart"), 400, "invalidRequest");
        GraphClient.getJob(job).body("schedule.state", equalTo("Disabled")).body("status.code", equalTo("NotConfigured"));
    }

    @Test
    void unknownIdsAreNotFound() {
        String[] job = GraphClient.newJob();
        graphError(asAdmin().get("/beta/servicePrincipals/" + job[0] + "/synchronization/jobs/scim.nope"), 404,
                "itemNotFound");
        graphError(asAdmin().post("/beta/servicePrincipals/" + UUID.randomUUID() + "/synchronization/jobs/"
                + job[1] + "/start"), 404, "itemNotFound");
        String otherSp = GraphClient.newServicePrincipal("other");
        graphError(asAdmin().get("/beta/servicePrincipals/" + otherSp + "/synchronization/jobs/" + job[1]), 404,
                "itemNotFound");
        graphError(asAdmin().get("/beta/servicePrincipals/not-a-guid"), 404, "Request_ResourceNotFound");
        graphError(asAdmin().get("/beta/noSuchCollection"), 404, "itemNotFound");
    }

    @Test
    void wrongMethodIsNotAllowed() {
        String[] job = GraphClient.newJob();
        graphError(json("{}").post(jobPath(job)), 405, "notAllowed");
        graphError(asAdmin().get(jobPath(job) + "/start"), 405, "notAllowed");
        graphError(asAdmin().put(jobPath(job)), 405, "notAllowed");
        GraphClient.getJob(job).body("schedule.state", equalTo("Disabled"));
    }

    @Test
    void wrongMediaTypeIsUnsupported() {
        String spId = GraphClient.newServicePrincipal("media-type");
        long before = rows();
        graphError(asAdmin().contentType(ContentType.XML).body("<templateId>scim</templateId>").post(jobsOf(spId)),
                415, "notSupported");
        String[] job = GraphClient.newJob();
        graphError(asAdmin().contentType(ContentType.TEXT).body("Full").post(jobPath(job) + "/restart"), 415,
                "notSupported");
        assertThat(rows()).isEqualTo(before + 1);
        GraphClient.getJob(job).body("schedule.state", equalTo("Disabled"));
    }

    @Test
    void badServicePrincipalBodiesAndQueries() {
        long before = servicePrincipals();
        graphError(json("{\"displayName\":\"no app id\"}").post("/beta/servicePrincipals"), 400, "Request_BadRequest")
                .body("error.target", equalTo("appId"));
        graphError(json("{\"appId\":\"not-a-guid\"}").post("/beta/servicePrincipals"), 400, "Request_BadRequest");
        graphError(json("{\"appId\":\"" + UUID.randomUUID() + "\",\"passwordCredentials\":[]}")
                .post("/beta/servicePrincipals"), 400, "Request_BadRequest");
        graphError(json("{\"appId\":\"" + UUID.randomUUID() + "\",\"accountEnabled\":\"yes\"}")
                .post("/beta/servicePrincipals"), 400, "Request_BadRequest");
        graphError(json("{\"appId\":").post("/beta/servicePrincipals"), 400, "Request_BadRequest");
        assertThat(servicePrincipals()).isEqualTo(before);

        graphError(asAdmin().queryParam("$filter", "endswith(displayName,'x')").get("/beta/servicePrincipals"), 400,
                "Request_UnsupportedQuery");
        graphError(asAdmin().queryParam("$filter", "passwordCredentials eq 'x'").get("/beta/servicePrincipals"), 400,
                "Request_UnsupportedQuery");
        graphError(asAdmin().queryParam("$filter", "startswith(displayName,'x").get("/beta/servicePrincipals"), 400,
                "Request_UnsupportedQuery");
        graphError(asAdmin().queryParam("$select", "id,noSuchProperty").get("/beta/servicePrincipals"), 400,
                "Request_BadRequest");
        graphError(asAdmin().queryParam("$top", "0").get("/beta/servicePrincipals"), 400, "Request_UnsupportedQuery");
        graphError(asAdmin().queryParam("$skiptoken", "garbage").get("/beta/servicePrincipals"), 400,
                "Request_BadRequest");
    }

    private static ValidatableResponse graphError(io.restassured.response.Response response, int status, String code) {
        return response.then().statusCode(status)
                .contentType(containsString("application/json"))
                .body("error.code", equalTo(code))
                .body("error.message", notNullValue())
                .body("error.innerError.request-id", notNullValue())
                .body("error.innerError.date", notNullValue());
    }

    private static String jobsOf(String spId) {
        return "/beta/servicePrincipals/" + spId + "/synchronization/jobs";
    }

    @Transactional
    long rows() {
        return SynchronizationJob.count();
    }

    @Transactional
    long servicePrincipals() {
        return ServicePrincipal.count();
    }
}
