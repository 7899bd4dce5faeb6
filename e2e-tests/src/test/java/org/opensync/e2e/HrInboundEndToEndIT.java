package org.opensync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensync.sandbox.directory.SlapdTestDirectory;

/**
 * HR → directory end to end: an HR system posts SCIM BulkRequests to {@code bulkUpload} (job-api), the records flow
 * through {@code sync.inbound-records}, change-detector and provisioner into OpenLDAP slapd, with a job of the
 * {@code API2LDAP} template configured through the Graph API only. The scenarios build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HrInboundEndToEndIT {
    private static final int USERS = 1000;
    private static final int PER_REQUEST = 50;
    private static final Duration WRITTEN = Duration.ofMinutes(3);

    private SlapdTestDirectory directory;
    private String base;
    private Platform platform;
    private ProvisioningJob job;

    @BeforeAll
    void start() throws Exception {
        directory = new SlapdTestDirectory();
        base = directory.baseDn();
        directory.addContainers("ou=sales,ou=people", "ou=engineering,ou=people", "ou=leavers");
        platform = new Platform().start();
        job = ProvisioningJob.create(platform, "API2LDAP", Map.of("TargetServer", directory.url(),
                "TargetUserName", directory.bindDn(), "TargetPassword", directory.password(), "TargetDomain", base,
                "DisableMode", "MoveToLeavers", "LeaversContainer", "ou=leavers," + base));
        // The template's containers name the sample directory; this job writes below its own subtree
        job.editSchema(schema -> schema.replace(SlapdTestDirectory.SUFFIX, base));
        job.start();
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(platform, directory);
    }

    /**
     * Each request holds 50 hires, the first of them the manager of the 49 others, sent last: a manager named before
     * its own record arrives is set all the same.
     */
    @Test
    @Order(1)
    void aThousandHiresInTwentyRequestsLandInTheirOusWithTheirManagers() throws Exception {
        Instant first = Instant.now();
        for (int request = 0; request < USERS / PER_REQUEST; request++) {
            List<String> operations = new ArrayList<>();
            IntStream.range(request * PER_REQUEST, (request + 1) * PER_REQUEST)
                    .forEach(i -> operations.add(0, hire(i, department(i), "Engineer", true)));
            Response accepted = job.bulkUpload(bulk(operations));
            assertThat(accepted.statusCode()).as(accepted.asString()).isEqualTo(202);
            assertThat(accepted.header("Location")).contains("auditLogs/provisioning").contains(job.jobId);
        }
        Awaitility.await().atMost(WRITTEN).pollInterval(Duration.ofMillis(200))
                .until(() -> people().size() == USERS);
        double seconds = Duration.between(first, Instant.now()).toMillis() / 1000.0;
        System.out.printf("E2E bulkUpload: %d records in %d requests written to slapd in %.1f s = %.0f records/s "
                + "(from the first POST to the last entry)%n", USERS, USERS / PER_REQUEST, seconds, USERS / seconds);
        // managers are linked in the pass over references that follows their reports
        Awaitility.await().atMost(WRITTEN).until(() -> people().values().stream()
                .filter(entry -> !isManager(entry)).allMatch(entry -> entry.hasAttribute("manager")));

        Map<String, SearchResultEntry> people = people();
        SearchResultEntry seven = people.get("E-7");
        assertThat(seven.getParentDNString()).isEqualToIgnoringCase("ou=sales,ou=people," + base);
        assertThat(seven.getAttributeValue("cn")).isEqualTo("Given7 Family7");
        assertThat(seven.getAttributeValue("uid")).isEqualTo("hire7@example.org");
        assertThat(seven.getAttributeValue("mail")).isEqualTo("hire7@example.org");
        assertThat(seven.getAttributeValue("title")).isEqualTo("Engineer");
        assertThat(seven.getAttributeValue("departmentNumber")).isEqualTo("Sales");
        assertThat(people.get("E-9").getParentDNString()).isEqualToIgnoringCase("ou=engineering,ou=people," + base);
        assertThat(people.get("E-5").getParentDNString()).isEqualToIgnoringCase("ou=people," + base);
        people.values().stream().filter(entry -> !isManager(entry)).forEach(entry ->
                assertThat(entry.getAttributeValue("manager")).as(entry.getDN()).isEqualToIgnoringCase(
                        people.get(managerOf(index(entry))).getDN()));
        // The logs travel on another topic than the directory's writes, and job-api stores them in batches
        JsonNode created = Awaitility.await().atMost(WRITTEN).until(() -> job.logs(
                " and sourceIdentity/id eq 'E-7' and provisioningAction eq 'create'"), logs -> !logs.isEmpty());
        assertThat(created).hasSize(1);
        assertThat(created.get(0).at("/provisioningStatusInfo/status").asText()).isEqualTo("success");
        assertThat(created.get(0).at("/targetIdentity/id").asText()).isEqualToIgnoringCase(seven.getDN());
        assertThat(created.get(0).at("/sourceSystem/displayName").asText()).isEqualTo("API");
        assertThat(created.get(0).at("/sourceIdentity/details/bulkId").asText()).isEqualTo("b-7");
    }

    /**
     * The HR system sends its first 200 people again, one of them in another department, one with a new title, one
     * leaving, and a new hire: the directory changes for those four only (every other entry keeps its entryCSN).
     */
    @Test
    @Order(2)
    void aSecondUploadChangesExactlyWhatChanged() throws Exception {
        // The references set after their objects (managers named before their own record) are logged by the cycles
        // of the first upload: once a later cycle finished, every log of theirs is older than this one's
        Instant settled = Instant.now();
        job.awaitCycleAfter(settled, WRITTEN, "Succeeded");
        Map<String, String> before = people().values().stream().collect(Collectors.toMap(
                HrInboundEndToEndIT::externalId, entry -> entry.getAttributeValue("entryCSN")));
        Instant sent = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<String> again = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            again.add(switch (i) {
                case 9 -> hire(i, "Sales", "Engineer", true);
                case 8 -> hire(i, department(i), "Architect", true);
                case 6 -> hire(i, department(i), "Engineer", false);
                default -> hire(i, department(i), "Engineer", true);
            });
        }
        for (int request = 0; request < again.size() / PER_REQUEST; request++) {
            assertThat(job.bulkUpload(bulk(again.subList(request * PER_REQUEST, (request + 1) * PER_REQUEST)))
                    .statusCode()).isEqualTo(202);
        }
        assertThat(job.bulkUpload(bulk(List.of(hire(USERS + 1, "Engineering", "Intern", true)))).statusCode())
                .isEqualTo(202);

        String since = " and activityDateTime ge " + sent;
        Awaitility.await().atMost(WRITTEN).pollInterval(Duration.ofSeconds(1))
                .until(() -> job.logs(since).size() >= 201);
        Map<String, Long> actions = StreamSupport.stream(job.logs(since).spliterator(), false)
                .filter(log -> !"skipped".equals(log.at("/provisioningStatusInfo/status").asText()))
                .collect(Collectors.groupingBy(log -> log.path("provisioningAction").asText(), Collectors.counting()));
        assertThat(actions).isEqualTo(Map.of("create", 1L, "update", 2L, "disable", 1L));

        Map<String, SearchResultEntry> after = people();
        assertThat(after.get("E-9").getParentDNString()).isEqualToIgnoringCase("ou=sales,ou=people," + base);
        assertThat(after.get("E-8").getAttributeValue("title")).isEqualTo("Architect");
        assertThat(after.get("E-6").getParentDNString()).isEqualToIgnoringCase("ou=leavers," + base);
        assertThat(after.get("E-" + (USERS + 1)).getAttributeValue("manager"))
                .isEqualToIgnoringCase(after.get("E-0").getDN());
        assertThat(after.get("E-9").getAttributeValue("manager")).isEqualToIgnoringCase(after.get("E-0").getDN());
        before.forEach((id, csn) -> {
            if (!List.of("E-6", "E-8", "E-9").contains(id)) {
                assertThat(after.get(id).getAttributeValue("entryCSN")).as(id + " unchanged").isEqualTo(csn);
            }
        });
    }

    /** Every provisioned entry of the job's subtree (leavers included), by employeeNumber. */
    private Map<String, SearchResultEntry> people() throws LDAPException {
        return directory.connection().search(base, SearchScope.SUB, "(objectClass=inetOrgPerson)", "*", "entryCSN")
                .getSearchEntries().stream()
                .collect(Collectors.toMap(HrInboundEndToEndIT::externalId, Function.identity()));
    }

    private static String externalId(SearchResultEntry entry) {
        return entry.getAttributeValue("employeeNumber");
    }

    private static int index(SearchResultEntry entry) {
        return Integer.parseInt(externalId(entry).substring(2));
    }

    private static boolean isManager(SearchResultEntry entry) {
        return index(entry) % PER_REQUEST == 0;
    }

    private static String managerOf(int i) {
        return "E-" + i / PER_REQUEST * PER_REQUEST % USERS;
    }

    /** Engineering, Sales, or a department the template has no container for (the default OU). */
    private static String department(int i) {
        return switch (i % 3) {
            case 0 -> "Engineering";
            case 1 -> "Sales";
            default -> "Logistics";
        };
    }

    private static String hire(int i, String department, String title, boolean active) {
        return BulkRequests.hire(i, department, title, active, i % PER_REQUEST == 0 ? null : managerOf(i));
    }

    private static String bulk(List<String> operations) {
        return BulkRequests.of(operations);
    }
}
