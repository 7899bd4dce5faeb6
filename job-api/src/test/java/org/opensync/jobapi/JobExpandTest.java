package org.opensync.jobapi;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.jobPath;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code $expand=schema} on a job and the jobs collection: the schema comes from schema-service (its stand-in). */
@QuarkusTest
class JobExpandTest {

    @Test
    void aJobAndTheJobsCarryTheirSchemaWhenExpanded() {
        String[] job = GraphClient.newJob();
        for (String version : new String[]{"beta", "v1.0"}) {
            asAdmin().queryParam("$expand", "schema").get(jobPath(job).replace("/beta/", "/" + version + "/"))
                    .then().statusCode(200)
                    .body("id", equalTo(job[1]))
                    .body("schema.directories", hasSize(2))
                    .body("schema.synchronizationRules[0].name", equalTo("LDAP_OUTBOUND_SCIM"))
                    .body("schema.version", startsWith("v"))
                    .body("schema", not(hasKey("@odata.context")));
        }
        asAdmin().get(jobPath(job)).then().statusCode(200).body("$", not(hasKey("schema")));
        asAdmin().queryParam("$expand", "Schema").queryParam("$select", "id")
                .get("/beta/servicePrincipals/" + job[0] + "/synchronization/jobs").then().statusCode(200)
                .body("value", hasSize(1)).body("value[0].id", equalTo(job[1]))
                .body("value[0].schema.directories", hasSize(2))
                .body("value[0]", not(hasKey("templateId")));
    }

    @Test
    void onlyTheSchemaCanBeExpanded() {
        String[] job = GraphClient.newJob();
        asAdmin().queryParam("$expand", "schema,bulkUpload").get(jobPath(job)).then().statusCode(400)
                .body("error.code", equalTo("invalidRequest"))
                .body("error.message", containsString("'bulkUpload'"));
        asAdmin().queryParam("$expand", "owners").get("/beta/servicePrincipals/" + job[0] + "/synchronization/jobs")
                .then().statusCode(400).body("error.message", containsString("'owners'"));
    }

    @Test
    void aSchemaServiceThatCannotAnswerIs503WithRetryAfter() {
        String[] job = GraphClient.newJob();
        SchemaServiceStandIn.failSchemaReads(1);
        asAdmin().queryParam("$expand", "schema").get(jobPath(job)).then().statusCode(503)
                .header("Retry-After", equalTo("5"))
                .body("error.code", equalTo("serviceNotAvailable"))
                .body("error.innerError.request-id", not(equalTo(null)));
        asAdmin().queryParam("$expand", "schema").get(jobPath(job)).then().statusCode(200);
    }
}
