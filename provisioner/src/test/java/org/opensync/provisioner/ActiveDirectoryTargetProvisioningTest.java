package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.logs.ProvisioningObjectSummary;
import org.opensync.sandbox.directory.SambaTestDirectory;

/**
 * A job of the API2AD template writes uploaded users into Active Directory (the Samba AD DC, a private OU), over LDAPS
 * trusting the DC's CA: accounts created enabled with a random initial password in the OU their department selects,
 * namesakes given the next free {@code cn}, {@code sAMAccountName} and {@code userPrincipalName} the target does not
 * hold yet (SelectUniqueValue asks the directory), a fourth namesake with every candidate taken escrowed with the
 * reason, the password shown as redacted in the log; then a leaver disabled through {@code userAccountControl}, a department change moving the account, and the
 * names chosen at creation kept.
 */
@QuarkusTest
class ActiveDirectoryTargetProvisioningTest extends ProvisionerTestBase {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final int ACCOUNT_DISABLE = 0x2;

    private SambaTestDirectory directory;
    private String base;
    private String family;

    @BeforeEach
    void organizationalUnits() {
        assumeTrue(SambaTestDirectory.installed(), "Samba is not installed and infra/infra.sh could not install it: "
                + "the Active Directory target test is skipped");
        directory = new SambaTestDirectory();
        base = directory.baseDn();
        directory.addOrganizationalUnit("Sales,OU=people");
        directory.addOrganizationalUnit("Engineering,OU=people");
        // sAMAccountName and userPrincipalName are unique in the whole domain: names of this run only
        family = directory.name("lee");
    }

    @AfterEach
    void removeOrganizationalUnits() {
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    void hiresGetUniqueNamesAndAPasswordLeaversAreDisabledAndMovesFollowTheDepartment() throws Exception {
        TargetJob job = new TargetJob();
        job.publishTemplateSchema("api2ad.json", text -> text.replace(SambaTestDirectory.SUFFIX, base));
        job.publishSecrets(Map.of("TargetServer", SambaTestDirectory.URL, "TargetUserName",
                SambaTestDirectory.BIND_UPN, "TargetPassword", SambaTestDirectory.PASSWORD, "TargetDomain", base));
        awaitMirrored(job);

        // E-1, E-2 and E-3 are namesakes of E-0; the template has three candidates for each unique name
        List<ObjectChange.ObjectChanged> hires = List.of(hire(job, 0, "Engineering", true),
                hire(job, 1, "Sales", true), hire(job, 2, "Support", true), hire(job, 3, "Sales", true));
        String first = job.cycle(Set.of(), hires);
        assertThat(finished(job, first).result()).isEqualTo(JobEvent.CycleResult.EntryLevelErrors);

        Map<String, SearchResultEntry> accounts = accounts();
        assertThat(accounts).containsOnlyKeys("E-0", "E-1", "E-2");
        SearchResultEntry ann = accounts.get("E-0");
        assertThat(ann.getDN()).isEqualToIgnoringCase("CN=Ann " + family + ",OU=Engineering,OU=people," + base);
        assertThat(ann.getAttributeValue("sAMAccountName")).isEqualTo("ann." + family);
        assertThat(ann.getAttributeValue("userPrincipalName")).isEqualTo("ann." + family + "@example.org");
        assertThat(ann.getAttributeValue("department")).isEqualTo("Engineering");
        assertThat(flags(ann)).isEqualTo(0x200);
        // the random initial password was set (AD refuses an enabled account without one)
        assertThat(ann.getAttributeValueAsLong("pwdLastSet")).isPositive();

        SearchResultEntry second = accounts.get("E-1");
        assertThat(second.getDN()).isEqualToIgnoringCase("CN=Ann " + family + " 2,OU=Sales,OU=people," + base);
        assertThat(second.getAttributeValue("sAMAccountName")).isEqualTo("ann." + family + "1");
        assertThat(second.getAttributeValue("userPrincipalName")).isEqualTo("ann." + family + "1@example.org");
        assertThat(second.getAttributeValue("manager")).isEqualToIgnoringCase(ann.getDN());
        SearchResultEntry third = accounts.get("E-2");
        assertThat(third.getParentDNString()).isEqualToIgnoringCase("OU=people," + base);
        assertThat(third.getAttributeValue("sAMAccountName")).isEqualTo("ann." + family + "2");

        List<ProvisioningObjectSummary> logs = logsOf(job, first);
        ProvisioningObjectSummary fourth = logs.stream().filter(log -> log.sourceIdentity().id().equals("E-3"))
                .findFirst().orElseThrow();
        assertThat(fourth.provisioningStatusInfo().errorInformation().reason())
                .contains("cn").contains("already in use");
        ProvisioningObjectSummary created = logs.stream().filter(log -> log.sourceIdentity().id().equals("E-0"))
                .findFirst().orElseThrow();
        assertThat(created.provisioningAction()).isEqualTo("create");
        assertThat(created.modifiedProperties()).filteredOn(p -> p.displayName().equals("unicodePwd"))
                .singleElement().satisfies(p -> assertThat(p.newValue()).isEqualTo("[Redacted]"));

        // a leaver, a move to another department's OU; names are not chosen again
        String later = job.cycle(Set.of(), List.of(hire(job, 1, "Sales", false), hire(job, 0, "Sales", true)));
        assertThat(finished(job, later).result()).isEqualTo(JobEvent.CycleResult.EntryLevelErrors);
        Map<String, SearchResultEntry> after = accounts();
        assertThat(flags(after.get("E-1")) & ACCOUNT_DISABLE).isEqualTo(ACCOUNT_DISABLE);
        assertThat(after.get("E-0").getDN()).isEqualToIgnoringCase("CN=Ann " + family + ",OU=Sales,OU=people,"
                + base);
        assertThat(after.get("E-0").getAttributeValue("objectGUID")).isEqualTo(ann.getAttributeValue("objectGUID"));
        assertThat(after.get("E-0").getAttributeValue("sAMAccountName")).isEqualTo("ann." + family);
        assertThat(after.get("E-1").getAttributeValue("manager")).isEqualToIgnoringCase(after.get("E-0").getDN());
        Awaitility.await().atMost(TIMEOUT).until(() -> logsOf(job, later).stream()
                .anyMatch(log -> log.provisioningAction().equals("disable")));
    }

    /** Accounts below the private OU, by employeeID. */
    private Map<String, SearchResultEntry> accounts() throws LDAPException {
        return directory.connection().search(base, SearchScope.SUB, "(&(objectClass=user)(employeeID=*))", "*",
                        "objectGUID", "pwdLastSet").getSearchEntries().stream()
                .collect(Collectors.toMap(e -> e.getAttributeValue("employeeID"), Function.identity()));
    }

    private static int flags(SearchResultEntry account) {
        return Integer.parseInt(account.getAttributeValue("userAccountControl"));
    }

    /** The image change-detector publishes for an uploaded SCIM user: everyone is Ann, managed by E-0. */
    private ObjectChange.ObjectChanged hire(TargetJob job, int i, String department, boolean active) {
        String externalId = "E-" + i;
        Map<String, List<String>> image = new LinkedHashMap<>();
        image.put("objectId", List.of(externalId));
        image.put("externalId", List.of(externalId));
        image.put("userName", List.of("ann" + i + "@hr.example.org"));
        image.put("name.givenName", List.of("Ann"));
        image.put("name.familyName", List.of(family));
        image.put("emails[type eq \"work\"].value", List.of("ann" + i + "@example.org"));
        image.put("title", List.of("Engineer"));
        image.put("active", List.of(active ? "True" : "False"));
        image.put("IsSoftDeleted", List.of(active ? "False" : "True"));
        image.put(ENTERPRISE + ":department", List.of(department));
        if (i > 0) {
            image.put(ENTERPRISE + ":manager", List.of("E-0"));
        }
        return new ObjectChange.ObjectChanged(UUID.randomUUID().toString(), Instant.now(), job.jobId, "", "User",
                externalId, externalId, false, image);
    }
}
