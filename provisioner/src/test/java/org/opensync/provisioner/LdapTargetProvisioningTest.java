package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.testing.TcpRelay;

/**
 * A job of the API2LDAP template writes uploaded users into slapd (a private subtree): DNs in the OU the department
 * selects, the manager as a DN, and a second upload of everyone changes exactly what changed: a department change
 * moves the entry, a title is modified, {@code active=false} moves the account to the leavers OU, a new hire is
 * created, everybody else is left alone. One entry the directory refuses (a value against the attribute's syntax) fails
 * alone, with the directory's message in the log.
 */
@QuarkusTest
class LdapTargetProvisioningTest extends ProvisionerTestBase {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final int USERS = 200;

    private SlapdTestDirectory directory;
    private String base;

    @BeforeEach
    void subtree() {
        directory = new SlapdTestDirectory();
        base = directory.baseDn();
        directory.addContainers("ou=sales,ou=people", "ou=engineering,ou=people", "ou=leavers");
    }

    @AfterEach
    void removeSubtree() {
        directory.close();
    }

    @Test
    void uploadsLandInTheirOusAndASecondUploadChangesExactlyWhatChanged() throws Exception {
        TargetJob job = job();
        List<ObjectChange.ObjectChanged> everyone = new ArrayList<>();
        IntStream.range(0, USERS).forEach(i -> everyone.add(user(job, i, department(i), "Engineer", true)));
        // mail is an IA5 string: the directory refuses a non-ASCII value
        ObjectChange.ObjectChanged refused = user(job, USERS, "Sales", "Engineer", true, "jöhn@example.org");

        List<ObjectChange.ObjectChanged> first = new ArrayList<>(everyone);
        first.add(refused);
        String cycle = job.cycle(Set.of(), first);
        assertThat(finished(job, cycle).result()).isEqualTo(JobEvent.CycleResult.EntryLevelErrors);

        Map<String, SearchResultEntry> entries = people();
        assertThat(entries).hasSize(USERS);
        SearchResultEntry seven = entries.get("E-7");
        assertThat(seven.getParentDNString()).isEqualToIgnoringCase("ou=engineering,ou=people," + base);
        assertThat(seven.getAttributeValue("cn")).isEqualTo("Given7 Family7");
        assertThat(seven.getAttributeValue("uid")).isEqualTo("user7@example.org");
        assertThat(seven.getAttributeValue("mail")).isEqualTo("user7@example.org");
        assertThat(seven.getAttributeValue("departmentNumber")).isEqualTo("Engineering");
        assertThat(seven.getAttributeValue("manager")).isEqualToIgnoringCase(entries.get("E-0").getDN());
        assertThat(entries.get("E-2").getParentDNString()).isEqualToIgnoringCase("ou=sales,ou=people," + base);
        assertThat(entries.get("E-5").getParentDNString()).isEqualToIgnoringCase("ou=people," + base);
        ProvisioningObjectSummary failure = logsOf(job, cycle).stream()
                .filter(log -> log.sourceIdentity().id().equals("E-" + USERS)).findFirst().orElseThrow();
        assertThat(failure.provisioningStatusInfo().errorInformation().errorCode()).isEqualTo("InvalidAttributeSyntax");
        assertThat(failure.provisioningStatusInfo().errorInformation().additionalDetails())
                .contains("mail");
        // the directory's requests are timed by LDAP operation and result code (21: invalidAttributeSyntax)
        assertThat(scrape().sum("opensync_provisioner_target_requests_seconds_count", Map.of("job", job.jobId,
                "method", "add", "status", "0"))).isEqualTo(USERS);
        assertThat(scrape().sum("opensync_provisioner_target_requests_seconds_count", Map.of("job", job.jobId,
                "method", "add", "status", "21"))).isEqualTo(1);

        List<ObjectChange.ObjectChanged> second = new ArrayList<>(everyone.stream()
                .map(change -> user(job, index(change), department(index(change)), "Engineer", true)).toList());
        second.set(7, user(job, 7, "Sales", "Engineer", true));
        second.set(8, user(job, 8, department(8), "Architect", true));
        second.set(9, user(job, 9, department(9), "Engineer", false));
        second.add(user(job, USERS + 1, "Engineering", "Intern", true));
        String again = job.cycle(Set.of(), second);
        assertThat(finished(job, again).result()).isEqualTo(JobEvent.CycleResult.Succeeded);

        Map<String, SearchResultEntry> after = people();
        assertThat(after.get("E-7").getParentDNString()).isEqualToIgnoringCase("ou=sales,ou=people," + base);
        assertThat(after.get("E-8").getAttributeValue("title")).isEqualTo("Architect");
        assertThat(after.get("E-9").getParentDNString()).isEqualToIgnoringCase("ou=leavers," + base);
        assertThat(after.get("E-" + (USERS + 1)).getAttributeValue("manager"))
                .isEqualToIgnoringCase(entries.get("E-0").getDN());
        assertThat(after.get("E-7").getAttributeValue("manager")).isEqualToIgnoringCase(entries.get("E-0").getDN());
        Awaitility.await().atMost(TIMEOUT).until(() -> logsOf(job, again).size() == USERS + 1);
        Map<String, Long> actions = logsOf(job, again).stream().filter(log -> !"skipped".equals(
                        log.provisioningStatusInfo().status()))
                .collect(Collectors.groupingBy(ProvisioningObjectSummary::provisioningAction, Collectors.counting()));
        assertThat(actions).isEqualTo(Map.of("create", 1L, "update", 2L, "disable", 1L));
    }

    /**
     * The directory goes away between two cycles (every connection of the job's pool dropped, new ones refused):
     * the second cycle's exports are escrowed as transient failures, and once the directory is back the next cycle
     * creates and updates what it missed, nothing twice.
     */
    @Test
    void aDirectoryOutageEscrowsTheExportsAndTheNextCycleCatchesUp() throws Exception {
        LDAPURL slapd = new LDAPURL(SlapdTestDirectory.URL);
        try (TcpRelay relay = new TcpRelay(slapd.getHost(), slapd.getPort())) {
            TargetJob job = job("ldap://127.0.0.1:" + relay.port());
            List<ObjectChange.ObjectChanged> first = IntStream.range(0, 10)
                    .mapToObj(i -> user(job, i, department(i), "Engineer", true)).toList();
            assertThat(finished(job, job.cycle(Set.of(), first)).result()).isEqualTo(JobEvent.CycleResult.Succeeded);

            relay.cut();
            List<ObjectChange.ObjectChanged> second = new ArrayList<>(IntStream.range(10, 20)
                    .mapToObj(i -> user(job, i, department(i), "Engineer", true)).toList());
            second.add(user(job, 3, department(3), "Architect", true));
            JobEvent.CycleFinished down = finished(job, job.cycle(Set.of(), second));
            assertThat(down.counts().get("countEscrowedRaw")).isEqualTo(11);

            relay.restore();
            JobEvent.CycleFinished back = finished(job, job.cycle(Set.of(), List.of()));
            assertThat(back.counts().get("countEscrowedRaw")).isZero();
            Map<String, SearchResultEntry> people = people();
            assertThat(people).hasSize(20);
            assertThat(people.get("E-3").getAttributeValue("title")).isEqualTo("Architect");
            Awaitility.await().atMost(TIMEOUT).until(() -> logsOf(job, back.cycleId()).size() >= 11);
            assertThat(logsOf(job, back.cycleId())).extracting(ProvisioningObjectSummary::provisioningAction)
                    .containsOnly("create", "update");
        }
    }

    private TargetJob job() throws Exception {
        return job(SlapdTestDirectory.URL);
    }

    private TargetJob job(String url) throws Exception {
        TargetJob job = new TargetJob();
        job.publishTemplateSchema("api2ldap.json", text -> text.replace("dc=example,dc=org", base));
        job.publishSecrets(Map.of("TargetServer", url, "TargetUserName",
                SlapdTestDirectory.BIND_DN, "TargetPassword", SlapdTestDirectory.PASSWORD, "TargetDomain", base,
                "DisableMode", "MoveToLeavers", "LeaversContainer", "ou=leavers," + base));
        awaitMirrored(job);
        return job;
    }

    /** Every provisioned entry below the subtree, by employeeNumber. */
    private Map<String, SearchResultEntry> people() throws LDAPException {
        return directory.connection().search(base, SearchScope.SUB, "(objectClass=inetOrgPerson)", "*").getSearchEntries()
                .stream().collect(Collectors.toMap(e -> e.getAttributeValue("employeeNumber"), Function.identity()));
    }

    private static String department(int i) {
        return switch (i % 3) {
            case 0, 1 -> "Engineering";
            default -> i % 2 == 0 ? "Sales" : "Logistics";
        };
    }

    private static int index(ObjectChange.ObjectChanged change) {
        return Integer.parseInt(change.anchor().substring(2));
    }

    private static ObjectChange.ObjectChanged user(TargetJob job, int i, String department, String title,
                                                   boolean active) {
        return user(job, i, department, title, active, "user" + i + "@example.org");
    }

    /** The image change-detector publishes for an uploaded SCIM user; the first of each ten manages the others. */
    private static ObjectChange.ObjectChanged user(TargetJob job, int i, String department, String title,
                                                   boolean active, String mail) {
        String externalId = "E-" + i;
        Map<String, List<String>> image = new LinkedHashMap<>();
        image.put("objectId", List.of(externalId));
        image.put("externalId", List.of(externalId));
        image.put("userName", List.of("user" + i + "@example.org"));
        image.put("displayName", List.of("User " + i));
        image.put("name.givenName", List.of("Given" + i));
        image.put("name.familyName", List.of("Family" + i));
        image.put("emails[type eq \"work\"].value", List.of(mail));
        image.put("title", List.of(title));
        image.put("active", List.of(active ? "True" : "False"));
        image.put("IsSoftDeleted", List.of(active ? "False" : "True"));
        image.put(ENTERPRISE + ":department", List.of(department));
        if (i % 10 != 0) {
            image.put(ENTERPRISE + ":manager", List.of("E-" + (i / 10 * 10 % 20)));
        }
        return new ObjectChange.ObjectChanged(UUID.randomUUID().toString(), Instant.now(), job.jobId, "", "User",
                externalId, externalId, false, image);
    }
}
