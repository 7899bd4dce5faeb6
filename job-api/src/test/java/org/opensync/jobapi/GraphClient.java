package org.opensync.jobapi;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.opensync.jobapi.template.SynchronizationTemplate;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;

/** Calls the API the way a Graph client does, with a token carrying the permissions a test needs. */
final class GraphClient {
    static final String ADMIN = TestTokens.application(GraphPermissions.APPLICATION_READ_WRITE,
            GraphPermissions.SYNCHRONIZATION_READ_WRITE, GraphPermissions.AUDIT_LOG_READ);

    private GraphClient() {
    }

    static RequestSpecification asAdmin() {
        return given().auth().oauth2(ADMIN);
    }

    static RequestSpecification json(String body) {
        return asAdmin().contentType(ContentType.JSON).body(body);
    }

    /** Creates a service principal and returns its id. */
    static String newServicePrincipal(String displayName) {
        return json("{\"appId\":\"" + UUID.randomUUID() + "\",\"displayName\":\"" + displayName + "\"}")
                .post("/beta/servicePrincipals")
                .then().statusCode(201).extract().path("id");
    }

    /** Creates a scim job under a new service principal; returns {spId, jobId}. */
    static String[] newJob() {
        awaitTemplateCatalogue();
        String spId = newServicePrincipal("job-test-" + UUID.randomUUID());
        String jobId = json("{\"templateId\":\"scim\"}").post("/beta/servicePrincipals/" + spId + "/synchronization/jobs")
                .then().statusCode(201).extract().path("id");
        return new String[]{spId, jobId};
    }

    /** The catalogue arrives on a topic; the first test may run before job-api consumed it. */
    static void awaitTemplateCatalogue() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> SynchronizationTemplate.findById("scim") != null));
    }

    static String jobPath(String[] job) {
        return "/beta/servicePrincipals/" + job[0] + "/synchronization/jobs/" + job[1];
    }

    static ValidatableResponse getJob(String[] job) {
        return asAdmin().get(jobPath(job)).then().statusCode(200);
    }
}
