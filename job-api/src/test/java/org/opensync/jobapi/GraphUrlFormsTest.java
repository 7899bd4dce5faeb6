package org.opensync.jobapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.opensync.jobapi.GraphClient.asAdmin;
import static org.opensync.jobapi.GraphClient.getJob;
import static org.opensync.jobapi.GraphClient.jobPath;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;

/** Bound actions and functions in every spelling Graph clients send: qualified or not, with or without {@code ()}. */
@QuarkusTest
class GraphUrlFormsTest {

    @Test
    void startAndPauseInEverySpelling() {
        String[] job = GraphClient.newJob();
        for (String[] spellings : new String[][]{{"start", "pause"}, {"microsoft.graph.start", "microsoft.graph.pause"},
                {"start()", "pause()"}, {"Microsoft.Graph.Start()", "MICROSOFT.GRAPH.PAUSE()"}}) {
            asAdmin().post(jobPath(job) + "/" + spellings[0] + "/").then().statusCode(204);
            getJob(job).body("schedule.state", equalTo("Active"));
            asAdmin().post(jobPath(job) + "/" + spellings[1]).then().statusCode(204);
            getJob(job).body("schedule.state", equalTo("Paused"));
        }
    }

    @Test
    void functionsAndFilterOperatorsWithAndWithoutParenthesesReachSchemaService() {
        String[] job = GraphClient.newJob();
        for (String function : new String[]{"functions", "functions()", "microsoft.graph.functions()",
                "filterOperators", "FilterOperators()", "microsoft.graph.filterOperators"}) {
            asAdmin().get(jobPath(job) + "/schema/" + function).then().statusCode(200)
                    .body("answeredBy", equalTo("schema-service stand-in"));
        }
    }

    @Test
    void pingAnswersPongInEverySpelling() {
        String spId = GraphClient.newServicePrincipal("ping");
        for (String ping : new String[]{"Ping()", "Ping", "ping()", "microsoft.graph.Ping()", "Microsoft.Graph.ping"}) {
            for (String version : new String[]{"beta", "v1.0"}) {
                asAdmin().get("/" + version + "/servicePrincipals/" + spId + "/synchronization/" + ping).then()
                        .statusCode(200)
                        .body("'@odata.context'", endsWith("/" + version + "/$metadata#Edm.String"))
                        .body("value", equalTo("Pong"));
            }
        }
        given().auth().oauth2(TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ))
                .get("/beta/servicePrincipals/" + spId + "/synchronization/Ping()").then().statusCode(200);
        given().auth().oauth2(TestTokens.application(GraphPermissions.APPLICATION_READ_WRITE))
                .get("/beta/servicePrincipals/" + spId + "/synchronization/Ping()").then().statusCode(403);
        asAdmin().get("/beta/servicePrincipals/" + UUID.randomUUID() + "/synchronization/Ping()").then()
                .statusCode(404).body("error.code", equalTo("itemNotFound"));
        asAdmin().post("/beta/servicePrincipals/" + spId + "/synchronization/Ping()").then().statusCode(405);
    }
}
