package org.opensync.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.opensync.sandbox.directory.SambaTestDirectory;
import org.opensync.sandbox.directory.SlapdTestDirectory;

/**
 * Active Directory → another directory end to end: the Samba AD DC (DirSync over LDAPS) → change-detector →
 * provisioner → OpenLDAP slapd, with a job of the {@code AD2LDAP} template configured through the Graph API only.
 * Accounts become inetOrgPerson entries named by their sAMAccountName, a universal group a groupOfNames with the
 * members' new DNs; then a title change in AD follows, and a disabled account moves to the leavers OU.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActiveDirectoryToLdapEndToEndIT {
    private static final int USERS = 20;
    private static final int DISABLED = 7;
    private static final Duration CHANGE = Duration.ofSeconds(60);

    private SambaTestDirectory source;
    private SlapdTestDirectory target;
    private String base;
    private Platform platform;
    private ProvisioningJob job;
    private List<Entry> accounts;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(SambaTestDirectory.installed(), "Samba is not installed: the Active Directory tests are skipped");
        source = new SambaTestDirectory();
        accounts = IntStream.range(0, USERS).mapToObj(i -> source.seededUser(i, i == DISABLED)).toList();
        SambaTestDirectory.addInParallel(accounts);
        source.add(SambaTestDirectory.group(source.groupsDn(), source.name("staff"),
                accounts.stream().map(Entry::getDN).toList()));
        target = new SlapdTestDirectory();
        base = target.baseDn();
        target.addContainers("ou=leavers");
        platform = new Platform().start(Duration.ofSeconds(3), Map.of(
                "sync.change-detector.ldap-trusted-certificates", SambaTestDirectory.caCertificate().toString()));
        job = ProvisioningJob.create(platform, "AD2LDAP", Map.ofEntries(Map.entry("Server", SambaTestDirectory.URL),
                Map.entry("UserName", SambaTestDirectory.BIND_UPN), Map.entry("Password", SambaTestDirectory.PASSWORD),
                Map.entry("Domain", source.baseDn()), Map.entry("TargetServer", target.url()),
                Map.entry("TargetUserName", target.bindDn()), Map.entry("TargetPassword", target.password()),
                Map.entry("TargetDomain", base), Map.entry("TargetNamingAttribute", "uid"),
                Map.entry("DisableMode", "MoveToLeavers"), Map.entry("LeaversContainer", "ou=leavers," + base)));
        // The template's containers name the sample directory; this job writes below its own subtree
        job.editSchema(schema -> schema.replace(SlapdTestDirectory.SUFFIX, base));
    }

    @AfterAll
    void stop() throws Exception {
        Resources.closeAll(platform, target, source);
    }

    @Test
    @Order(1)
    void enabledAccountsAndTheGroupLandWithTheMembersTargetDns() throws Exception {
        Instant started = Instant.now();
        job.start();
        job.awaitCycleAfter(started, Duration.ofMinutes(2), "Succeeded");
        Awaitility.await().atMost(CHANGE).until(() -> people().size() == USERS - 1);

        Map<String, SearchResultEntry> people = people();
        String three = source.name("u0003");
        assertThat(people).doesNotContainKey(source.name("u000" + DISABLED));
        assertThat(people.get(three).getDN()).isEqualToIgnoringCase("uid=" + three + ",ou=people," + base);
        assertThat(people.get(three).getAttributeValue("sn")).isEqualTo("User 3");
        assertThat(people.get(three).getAttributeValue("mail")).isEqualTo(three + "@example.org");
        SearchResultEntry staff = target.connection().searchForEntry("ou=groups," + base, SearchScope.ONE,
                "(cn=" + source.name("staff") + ")", "member");
        assertThat(staff).isNotNull();
        assertThat(lower(staff.getAttributeValues("member"))).containsExactlyInAnyOrderElementsOf(
                people.values().stream().map(entry -> entry.getDN().toLowerCase()).toList());
    }

    @Test
    @Order(2)
    void aTitleChangeFollowsAndADisabledAccountMovesToTheLeavers() throws Exception {
        String changed = accounts.get(4).getDN();
        String leaver = accounts.get(5).getDN();
        source.connection().modify(changed, new Modification(ModificationType.REPLACE, "title", "Architect"));
        source.connection().modify(leaver, new Modification(ModificationType.REPLACE, "userAccountControl",
                String.valueOf(SambaTestDirectory.SEEDED_ENABLED | 0x2)));

        Awaitility.await().atMost(CHANGE).until(() -> "Architect".equals(
                people().get(source.name("u0004")).getAttributeValue("title")));
        Awaitility.await().atMost(CHANGE).until(() -> target.connection().searchForEntry("ou=leavers," + base,
                SearchScope.ONE, "(uid=" + source.name("u0005") + ")") != null);
        assertThat(people()).hasSize(USERS - 2);
    }

    /** The entries below the target's ou=people, by uid. */
    private Map<String, SearchResultEntry> people() throws LDAPException {
        return target.connection().search("ou=people," + base, SearchScope.ONE, "(objectClass=inetOrgPerson)", "*")
                .getSearchEntries().stream()
                .collect(Collectors.toMap(entry -> entry.getAttributeValue("uid"), Function.identity()));
    }

    private static Set<String> lower(String[] dns) {
        return Arrays.stream(dns).map(String::toLowerCase).collect(Collectors.toSet());
    }
}
