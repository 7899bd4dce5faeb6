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
 * trusting the DC's CA: an account created enabled with a random initial password (redacted in the log) in the OU
 * its department selects; three namesakes exported at once get the next free {@code cn}, {@code sAMAccountName} and
 * {@code userPrincipalName} (SelectUniqueValue asks the directory, one creation at a time), the one left with every
 * candidate taken is escrowed with the reason; then a leaver disabled through {@code userAccountControl}, a
 * department change moving the account, and the names chosen at creation kept.
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

        String first = job.cycle(Set.of(), List.of(hire(job, 0, "Engineering", true)));
        assertThat(finished(job, first).result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        SearchResultEntry ann = accounts().get("E-0");
        assertThat(ann.getDN()).isEqualToIgnoringCase("CN=Ann " + family + ",OU=Engineering,OU=people," + base);
        assertThat(ann.getAttributeValue("sAMAccountName")).isEqualTo("ann." + family);
        assertThat(ann.getAttributeValue("userPrincipalName")).isEqualTo("ann." + family + "@example.org");
        assertThat(ann.getAttributeValue("department")).isEqualTo("Engineering");
        assertThat(flags(ann)).isEqualTo(0x200);
        // the random initial password was set (AD refuses an enabled account without one), and never logged
        assertThat(ann.getAttributeValueAsLong("pwdLastSet")).isPositive();
        ProvisioningObjectSummary created = logsOf(job, first).get(0);
        assertThat(created.provisioningAction()).isEqualTo("create");
        assertThat(created.modifiedProperties()).filteredOn(p -> p.displayName().equals("unicodePwd"))
                .singleElement().satisfies(p -> assertThat(p.newValue()).isEqualTo("[Redacted]"));

        // three namesakes at once, exported in parallel: the template has three candidates for each unique name
        String namesakes = job.cycle(Set.of(), List.of(hire(job, 1, "Sales", true), hire(job, 2, "Support", true),
                hire(job, 3, "Sales", true)));
        assertThat(finished(job, namesakes).result()).isEqualTo(JobEvent.CycleResult.EntryLevelErrors);
        Map<String, SearchResultEntry> accounts = accounts();
        assertThat(accounts).hasSize(3);
        List<SearchResultEntry> others = accounts.values().stream().filter(a -> !a.getDN().equals(ann.getDN()))
                .toList();
        assertThat(others).extracting(a -> a.getAttributeValue("cn"))
                .containsExactlyInAnyOrder("Ann " + family + " 2", "Ann " + family + " 3");
        assertThat(others).extracting(a -> a.getAttributeValue("sAMAccountName"))
                .containsExactlyInAnyOrder("ann." + family + "1", "ann." + family + "2");
        assertThat(others).extracting(a -> a.getAttributeValue("userPrincipalName"))
                .containsExactlyInAnyOrder("ann." + family + "1@example.org", "ann." + family + "2@example.org");
        assertThat(others).extracting(a -> a.getAttributeValue("manager")).allSatisfy(manager ->
                assertThat(manager).isEqualToIgnoringCase(ann.getDN()));
        ProvisioningObjectSummary fourth = logsOf(job, namesakes).stream()
                .filter(log -> !accounts.containsKey(log.sourceIdentity().id())).findFirst().orElseThrow();
        assertThat(fourth.provisioningStatusInfo().errorInformation().reason())
                .contains("cn").contains("already in use");

        // a leaver, a move to another department's OU; names are not chosen again
        String leaver = others.get(0).getAttributeValue("employeeID");
        String later = job.cycle(Set.of(), List.of(hire(job, Integer.parseInt(leaver.substring(2)), "Sales", false),
                hire(job, 0, "Sales", true)));
        finished(job, later);
        Map<String, SearchResultEntry> after = accounts();
        assertThat(flags(after.get(leaver)) & ACCOUNT_DISABLE).isEqualTo(ACCOUNT_DISABLE);
        assertThat(after.get("E-0").getDN()).isEqualToIgnoringCase("CN=Ann " + family + ",OU=Sales,OU=people,"
                + base);
        assertThat(after.get("E-0").getAttributeValue("objectGUID")).isEqualTo(ann.getAttributeValue("objectGUID"));
        assertThat(after.get("E-0").getAttributeValue("sAMAccountName")).isEqualTo("ann." + family);
        assertThat(after.get(leaver).getAttributeValue("manager")).isEqualToIgnoringCase(after.get("E-0").getDN());
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
