package org.opensync.schemaservice;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.opensync.common.security.GraphPermissions;
import org.opensync.testing.TestTokens;

/** Requests with a token that may read and change synchronization configuration. */
final class Requests {
    private static final String TOKEN = TestTokens.application(GraphPermissions.SYNCHRONIZATION_READ_WRITE);

    private Requests() {
    }

    static RequestSpecification authorized() {
        return given().auth().oauth2(TOKEN);
    }

    static RequestSpecification json(Object body) {
        return authorized().contentType(ContentType.JSON).body(body);
    }
}
