package org.opensync.jobapi.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.RedirectConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;

/** The console's files and settings are served without a token, with cache and content-security headers. */
@QuarkusTest
class ConsoleTest {

    @Test
    void thePageAndItsScriptsAreServedToBeRevalidated() {
        given().get("/console/").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", equalTo("no-cache"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .body(containsString("<main id=\"main\""));
        given().get("/console/js/main.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", equalTo("no-cache"));
    }

    @Test
    void theConsoleWithoutItsSlashIsRedirected() {
        given().config(RestAssuredConfig.config().redirect(RedirectConfig.redirectConfig().followRedirects(false)))
                .get("/console").then().statusCode(302).header("Location", endsWith("/console/"));
    }

    @Test
    void outsideTheLocalProfileThereIsNoDevelopmentLoginAndNoProviderWithoutAClient() {
        given().get("/console/settings").then().statusCode(200)
                .body("developmentLogin", equalTo(false))
                .body("oidc", nullValue());
    }
}
