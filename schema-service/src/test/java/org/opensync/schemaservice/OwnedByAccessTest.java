package org.opensync.schemaservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;

/** Application.ReadWrite.OwnedBy reaches the schemas of jobs its application owns, and no others. */
@QuarkusTest
class OwnedByAccessTest {
    private static final String OWNER = "11111111-aaaa-4bbb-8ccc-000000000001";
    private static final String OTHER = "11111111-aaaa-4bbb-8ccc-000000000002";

    @Test
    void theOwningApplicationReadsAndChangesItsJobSchema() {
        String[] job = Jobs.created(OWNER);
        String owner = TestTokens.applicationOf(OWNER, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY);
        String schema = given().auth().oauth2(owner).get(job[2]).then().statusCode(200)
                .body("id", equalTo(job[1])).extract().asString();
        given().auth().oauth2(owner).contentType(ContentType.JSON).body(schema).put(job[2]).then().statusCode(204);
        given().auth().oauth2(owner).delete(job[2]).then().statusCode(204);
        given().auth().oauth2(owner).get(job[2] + "/functions").then().statusCode(200);
    }

    @Test
    void anotherApplicationOrAJobWithoutOwnerIsDenied() {
        String[] owned = Jobs.created(OWNER);
        String[] unowned = Jobs.created();
        String other = TestTokens.applicationOf(OTHER, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY);
        given().auth().oauth2(other).get(owned[2]).then().statusCode(403).body("error.code", equalTo("accessDenied"));
        given().auth().oauth2(other).delete(owned[2]).then().statusCode(403);
        given().auth().oauth2(TestTokens.applicationOf(OWNER, GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY))
                .get(unowned[2]).then().statusCode(403);
        given().auth().oauth2(TestTokens.delegated(GraphPermissions.APPLICATION_READ_WRITE_OWNED_BY))
                .get(owned[2]).then().statusCode(403);
        Requests.authorized().get(owned[2]).then().statusCode(200);
    }
}
