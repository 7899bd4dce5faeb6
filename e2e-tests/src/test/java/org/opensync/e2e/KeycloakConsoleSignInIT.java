package org.opensync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The web console's provider sign-in against a real Keycloak with the compose realm: its public client
 * {@code opensync-console} and demo admin {@code console-admin}. An admin signs in through Keycloak's login page in
 * headless Chromium and sees the jobs, which job-api lists only for a token it verified with that issuer. The client
 * requires PKCE (S256), so Keycloak hands out a token only for the verifier of the challenge the console sent; the
 * second test shows the realm refusing a sign-in without a challenge and a code exchanged without its verifier.
 * Skipped, saying why, without Chromium, Keycloak's distribution or a Java 21+.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakConsoleSignInIT {
    private static final String CLIENT = "opensync-console";
    private static final String ADMIN = "console-admin";

    private final String adminPassword = random();
    private final String syncAdminSecret = random();
    private KeycloakServer keycloak;
    private Platform platform;
    private ProvisioningJob job;
    private ConsoleBrowser browser;
    private String console;

    /** Why the test cannot run here, or null. */
    private String missing;

    @BeforeAll
    void start() throws Exception {
        missing = ConsoleBrowser.missing();
        if (missing == null) {
            missing = KeycloakServer.missing();
        }
        if (missing != null) {
            return;
        }
        // The realm registers the console's origin (redirect URI, CORS) from CONSOLE_ORIGIN: job-api's port is fixed
        // before Keycloak imports it
        int jobApiPort = KeycloakServer.freePort();
        console = "http://127.0.0.1:" + jobApiPort;
        keycloak = KeycloakServer.start(Map.of("CONSOLE_ORIGIN", console, "CONSOLE_ADMIN_PASSWORD", adminPassword,
                "SYNC_ADMIN_CLIENT_SECRET", syncAdminSecret));
        platform = new Platform().startApi(Map.of("quarkus.oidc.auth-server-url", keycloak.realmUrl()),
                Map.of("quarkus.http.port", Integer.toString(jobApiPort), "sync.console.oidc.client-id", CLIENT),
                () -> keycloak.clientToken("sync-admin", syncAdminSecret));
        job = ProvisioningJob.create(platform, "scim", Map.of());
        browser = new ConsoleBrowser();
    }

    @BeforeEach
    void canRun() {
        Assumptions.assumeTrue(missing == null, () -> "skipped: " + missing);
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(browser, platform, keycloak);
    }

    @Test
    @Order(1)
    void anAdminSignsInWithKeycloakAndSeesTheJobs() throws Exception {
        browser.open(console + "/console/");
        waitUntil(() -> browser.present("#sign-in-oidc"));
        browser.find("#sign-in-oidc").click();
        waitUntil(() -> browser.present("#kc-login"));
        assertThat(browser.url()).startsWith(keycloak.realmUrl()).contains("code_challenge_method=S256");
        browser.find("#username").sendKeys(ADMIN);
        browser.find("#password").sendKeys(adminPassword);
        browser.screenshot("keycloak-1-sign-in");
        browser.find("#kc-login").click();

        waitUntil(() -> browser.present("tr[data-job='" + job.jobId + "']"));
        assertThat(browser.text("#who")).isEqualTo("Signed in as " + ADMIN);
        // The code and state are gone from the address, and the verifier from the tab once used
        assertThat(browser.url()).isEqualTo(console + "/console/");
        assertThat(browser.script("return sessionStorage.getItem('opensync.console.pkce')")).isNull();
        browser.screenshot("keycloak-2-signed-in");
    }

    @Test
    @Order(2)
    void theRealmRefusesTheConsoleWithoutPkce() throws Exception {
        String redirect = console + "/console/";
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        String authorize = keycloak.realmUrl() + "/protocol/openid-connect/auth?" + KeycloakServer.form(Map.of(
                "response_type", "code", "client_id", CLIENT, "redirect_uri", redirect, "scope", "openid",
                "state", "s"));

        HttpResponse<String> withoutChallenge = http.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutChallenge.statusCode()).isEqualTo(302);
        assertThat(decoded(withoutChallenge.headers().firstValue("Location").orElseThrow()))
                .startsWith(redirect).contains("error=invalid_request").contains("code_challenge_method");

        // With a challenge the admin signs in, but the code is worth nothing without the verifier
        String verifier = random();
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        HttpResponse<String> loginPage = http.send(HttpRequest.newBuilder(URI.create(authorize + "&"
                + KeycloakServer.form(Map.of("code_challenge", challenge, "code_challenge_method", "S256")))).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"")
                .matcher(loginPage.body());
        assertThat(action.find()).as("Keycloak's login form").isTrue();
        // The login session's cookies go back by hand: Keycloak marks them Secure, which a browser honours on
        // 127.0.0.1 but Java's cookie store keeps for https only
        String cookies = loginPage.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0]).collect(Collectors.joining("; "));
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(action.group(1)
                        .replace("&amp;", "&"))).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies).POST(HttpRequest.BodyPublishers.ofString(KeycloakServer.form(Map.of(
                        "username", ADMIN, "password", adminPassword)))).build(), HttpResponse.BodyHandlers.ofString());
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(signedIn.headers().firstValue("Location")
                .orElse(""));
        assertThat(code.find()).as("a code after signing in, got %d %s", signedIn.statusCode(), signedIn.headers())
                .isTrue();
        HttpResponse<String> exchanged = KeycloakServer.post(keycloak.realmUrl() + "/protocol/openid-connect/token",
                Map.of("grant_type", "authorization_code", "client_id", CLIENT, "redirect_uri", redirect,
                        "code", code.group(1)));
        assertThat(exchanged.statusCode()).isEqualTo(400);
        assertThat(exchanged.body()).contains("invalid_grant").contains("PKCE");
    }

    private static String decoded(String url) {
        return URLDecoder.decode(url, StandardCharsets.UTF_8);
    }

    private static String random() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void waitUntil(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(condition);
    }
}
