package org.opensync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.scim.FaultRule;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.sandbox.scim.ScimServerConfig;

/**
 * The web console in a headless Chromium against the five services, slapd and a SCIM application: an admin signs in
 * with the development login, sees the job, starts it and watches its progress, opens a provisioning-log entry, tries
 * an expression, changes and saves a mapping, adds a scoping clause and saves it, pauses and starts the job. A
 * screenshot of each page goes to {@code target/console-screenshots/}. Skipped, saying why, where Chromium and
 * chromedriver are not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleIT {
    private static final int USERS = 400;
    private static final int GROUPS = 4;
    private static final String TOKEN = "console-scim-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlapdTestDirectory directory;
    private ScimServer scim;
    private Platform platform;
    private ProvisioningJob job;
    private ConsoleBrowser browser;

    /** Why the browser cannot run here, or null; each test is then reported skipped with it. */
    private String missingBrowser;

    @BeforeAll
    void start() throws Exception {
        missingBrowser = ConsoleBrowser.missing();
        if (missingBrowser != null) {
            return;
        }
        directory = new SlapdTestDirectory();
        directory.load(new DirectoryDataGenerator().generate(USERS, GROUPS));
        scim = new ScimServer(ScimServerConfig.defaults().withBearerToken(TOKEN)).start();
        // Creates slow enough (the provisioner sends 16 at a time) that the first cycle lasts over ten seconds
        scim.faults().add(FaultRule.latency(Duration.ofMillis(500)).onMethod("POST"));
        platform = new Platform().start(Duration.ofSeconds(5), Map.of());
        job = ProvisioningJob.create(platform, directory, scim, TOKEN);
        browser = new ConsoleBrowser();
    }

    @BeforeEach
    void browserInstalled() {
        Assumptions.assumeTrue(missingBrowser == null, () -> "skipped: " + missingBrowser);
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(browser, platform, scim, directory);
    }

    @Test
    @Order(1)
    void theDevelopmentLoginShowsTheJobWithItsBadge() throws Exception {
        browser.open(platform.jobApiUrl() + "/console");
        waitUntil(() -> browser.present("#dev-token"));
        browser.find("#dev-token").sendKeys(platform.token());
        browser.find("#dev-login button[type=submit]").click();
        String row = "tr[data-job='" + job.jobId + "']";
        waitUntil(() -> browser.present(row + " .badge"));
        assertThat(browser.find(row + " .badge").getDomAttribute("data-status")).isIn("NotRun", "NotConfigured");
        assertThat(browser.text("#who")).contains("e2e");
        browser.screenshot("01-service-principals");
    }

    @Test
    @Order(2)
    void theProgressBarMovesDuringTheFirstCycle() throws Exception {
        Instant started = Instant.now();
        browser.find("tr[data-job='" + job.jobId + "'] button[data-action=start]").click();
        waitUntil(() -> "Active".equals(job.status().getString("schedule.state")));
        browser.route("#/jobs/" + job.servicePrincipalId + "/" + job.jobId);
        List<Long> seen = new ArrayList<>();
        waitUntil(() -> {
            String completed = browser.find("#progress-text").getDomAttribute("data-completed");
            if (completed != null && Long.parseLong(completed) > 0
                    && (seen.isEmpty() || seen.get(seen.size() - 1) != Long.parseLong(completed))) {
                seen.add(Long.parseLong(completed));
            }
            return seen.size() >= 3;
        });
        assertThat(seen).as("objects done, read as the page updated").isSorted();
        assertThat(browser.text("#progress-text")).contains("/s").contains("ETA");
        browser.screenshot("02-job-progress");
        job.awaitCycleAfter(started, Duration.ofMinutes(3), "Succeeded");
        waitUntil(() -> browser.text("#progress-text").contains("No cycle is running"));
        waitUntil(() -> browser.text("#job-status .badge").equals("Active"));
        browser.screenshot("03-job-after-cycle");
    }

    @Test
    @Order(3)
    void aProvisioningLogEntryOpensWithItsStepsAndProperties() throws Exception {
        browser.route("#/logs?jobId=" + job.jobId);
        waitUntil(() -> browser.present("tr[data-log]"));
        WebElement first = browser.find("tr[data-log]");
        first.sendKeys(Keys.ENTER); // the rows answer the keyboard, not only clicks
        waitUntil(() -> browser.find("#log-detail").isDisplayed());
        assertThat(browser.text("#log-detail")).contains("Steps").contains("Modified properties")
                .contains("EntryImport");
        browser.screenshot("04-provisioning-log");
    }

    @Test
    @Order(4)
    void anExpressionIsEvaluatedAsItIsTypedAndAParseErrorIsUnderlined() throws Exception {
        browser.route("#/jobs/" + job.servicePrincipalId + "/" + job.jobId + "/mappings");
        waitUntil(() -> browser.present("tr[data-target='title'] button"));
        browser.find("tr[data-target='title'] button").click();
        waitUntil(() -> browser.present("#expression"));
        WebElement testObject = browser.find("#test-object");
        testObject.clear();
        testObject.sendKeys("givenName=Aiko\nsn=Tanaka\ntitle= Engineer ");
        WebElement expression = browser.find("#expression");
        expression.clear();
        expression.sendKeys("Join(\".\", [givenName], [sn]");
        waitUntil(() -> browser.present("#expression-echo mark"));
        assertThat(browser.text("#evaluation")).contains("position");
        browser.screenshot("05-expression-error");
        expression.sendKeys(")");
        waitUntil(() -> browser.text("#evaluation").contains("Aiko.Tanaka"));
        assertThat(browser.present("#expression-echo mark")).isFalse();
        browser.screenshot("06-expression-evaluated");
    }

    @Test
    @Order(5)
    void aChangedMappingIsSavedAndShownAgainstTheTemplate() throws Exception {
        WebElement expression = browser.find("#expression");
        expression.clear();
        expression.sendKeys("Trim([title])");
        waitUntil(() -> browser.text("#evaluation").contains("[\"Engineer\"]"));
        browser.find("#mapping-editor button[type=submit]").click();
        waitUntil(() -> browser.text("tr[data-target='title']").contains("Trim([title])"));
        browser.find("#save-schema").click();
        waitUntil(() -> browser.text("#notice").contains("Mappings saved"));
        JsonNode schema = JSON.readTree(platform.api().get(job.path() + "/schema").then().statusCode(200)
                .extract().asString());
        JsonNode title = null;
        for (JsonNode mapping : schema.at("/synchronizationRules/0/objectMappings/0/attributeMappings")) {
            if (mapping.path("targetAttributeName").asText().equals("title")) {
                title = mapping;
            }
        }
        assertThat(title).isNotNull();
        assertThat(title.at("/source/name").asText()).isEqualTo("Trim");
        assertThat(title.at("/source/type").asText()).isEqualTo("Function");
        assertThat(browser.text("#template-diff")).contains("title: [title] → Trim([title])");
        browser.screenshot("07-mapping-saved");
    }

    @Test
    @Order(6)
    void aScopingClauseIsAddedAndSavedWithTheSchema() throws Exception {
        browser.find("#add-scope-group").click();
        String clause = "#scope-editor .scope-group:last-of-type [data-clause='0']";
        waitUntil(() -> browser.present(clause + " [data-role=attribute]"));
        WebElement attribute = browser.find(clause + " [data-role=attribute]");
        assertThat(browser.script("return document.activeElement === arguments[0]", attribute))
                .as("the new clause's first field has the focus").isEqualTo(true);
        attribute.sendKeys("uid");
        // Chosen by keyboard, as a select is: its first option is EQUALS
        WebElement operator = browser.find(clause + " [data-role=operator]");
        operator.sendKeys(Keys.ARROW_DOWN);
        assertThat(operator.getDomProperty("value")).isEqualTo("NOT EQUALS");
        browser.find(clause + " [data-role=values]").sendKeys("contractor");
        browser.screenshot("08-scoping-clause");
        browser.find("#save-schema").click();
        waitUntil(() -> browser.text("#notice").contains("Mappings saved"));

        JsonNode groups = JSON.readTree(platform.api().get(job.path() + "/schema").then().statusCode(200)
                .extract().asString()).at("/synchronizationRules/0/objectMappings/0/scope/groups");
        JsonNode saved = groups.get(groups.size() - 1).at("/clauses/0");
        assertThat(saved.path("sourceOperandName").asText()).isEqualTo("uid");
        assertThat(saved.path("operatorName").asText()).isEqualTo("NOT EQUALS");
        assertThat(saved.at("/targetOperand/values")).hasSize(1);
        assertThat(saved.at("/targetOperand/values/0").asText()).isEqualTo("contractor");
        assertThat(browser.text("#template-diff")).contains("scoping filter changed");
    }

    @Test
    @Order(7)
    void theJobIsPausedAndStartedFromItsPage() throws Exception {
        browser.route("#/jobs/" + job.servicePrincipalId + "/" + job.jobId);
        waitUntil(() -> browser.present("#job-status .badge") && browser.present("button[data-action=pause]"));
        browser.find("button[data-action=pause]").click();
        waitUntil(() -> "Paused".equals(job.status().getString("schedule.state")));
        waitUntil(() -> browser.text("#job-status .badge").equals("Paused"));
        browser.screenshot("09-job-paused");
        browser.find("button[data-action=start]").click();
        waitUntil(() -> "Active".equals(job.status().getString("schedule.state")));
        waitUntil(() -> browser.text("#job-status .badge").equals("Active"));
        browser.screenshot("10-job-started");
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) {
        waiting().until(condition);
    }

    private static ConditionFactory waiting() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .ignoreExceptions();
    }
}
