package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobEvent;
import org.opensync.common.events.ObjectChange;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedGroup;
import org.opensync.sandbox.ldap.GeneratedUser;

/**
 * Jobs of the LDAP2LDAP and AD2LDAP templates write a directory's users and groups into another directory (slapd, a
 * private subtree): users matched by uid below {@code ou=people} with their managers, groups by cn below
 * {@code ou=groups} with their members, both as the target entries' DNs; a member removed from a source group leaves
 * the target group.
 */
@QuarkusTest
class DirectoryToDirectoryProvisioningTest extends ProvisionerTestBase {
    private SlapdTestDirectory target;
    private String base;

    @BeforeEach
    void subtree() {
        target = new SlapdTestDirectory();
        base = target.baseDn();
    }

    @AfterEach
    void removeSubtree() {
        target.close();
    }

    @Test
    void usersAndGroupsLandWithManagersAndMembersAsTargetDns() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(30, 3);
        TargetJob job = new TargetJob();
        job.publishTemplateSchema("ldap2ldap.json", text -> text.replace(SlapdTestDirectory.SUFFIX, base));
        job.publishSecrets(Map.of("TargetServer", SlapdTestDirectory.URL, "TargetUserName",
                SlapdTestDirectory.BIND_DN, "TargetPassword", SlapdTestDirectory.PASSWORD, "TargetDomain", base,
                // people named by uid (two of them share a cn), groups by cn
                "TargetNamingAttribute", "uid"));
        awaitMirrored(job);
        String initial = job.cycle(Set.of(), initialImages(job, data));
        JobEvent.CycleResult result = finished(job, initial).result();
        assertThat(logsOf(job, initial)).extracting(log -> log.provisioningStatusInfo().errorInformation())
                .containsOnlyNulls();
        assertThat(result).isEqualTo(JobEvent.CycleResult.Succeeded);

        Map<String, SearchResultEntry> users = entries("ou=people", "inetOrgPerson", "uid");
        assertThat(users).hasSize(30);
        GeneratedUser someone = data.users().get(5);
        assertThat(users.get(someone.uid()).getAttributeValue("mail")).isEqualTo(someone.mail());
        assertThat(users.get(someone.uid()).getAttributeValue("title")).isEqualTo(someone.title());
        data.users().stream().filter(user -> user.managerUid() != null).forEach(user ->
                assertThat(users.get(user.uid()).getAttributeValue("manager")).as(user.uid())
                        .isEqualToIgnoringCase(users.get(user.managerUid()).getDN()));
        Map<String, SearchResultEntry> groups = entries("ou=groups", "groupOfNames", "cn");
        assertThat(groups).hasSize(3);
        for (GeneratedGroup group : data.groups()) {
            assertThat(members(groups.get(group.cn()))).as(group.cn()).containsExactlyInAnyOrderElementsOf(
                    group.memberUids().stream().map(uid -> lower(users.get(uid).getDN())).toList());
        }

        GeneratedGroup changed = data.groups().get(0);
        String leaving = changed.memberUids().get(0);
        GeneratedGroup smaller = new GeneratedGroup(changed.index(), changed.cn(), changed.description(),
                changed.memberUids().subList(1, changed.memberUids().size()));
        assertThat(finished(job, job.cycle(Set.of(), List.of(job.object("Group", smaller.toEntry(), false))))
                .result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(members(entries("ou=groups", "groupOfNames", "cn").get(changed.cn())))
                .hasSize(changed.memberUids().size() - 1).doesNotContain(lower(users.get(leaving).getDN()));
    }

    /**
     * AD2LDAP: Active Directory's users (named by cn, known by sAMAccountName, some without sn) and a universal group
     * become inetOrgPerson entries named and matched by uid = sAMAccountName, with their AD managers and members
     * translated to the target's DNs; a disabled account is not provisioned, and disabling one later disables it in
     * the target (here by a move to the leavers OU).
     */
    @Test
    void activeDirectoryUsersAndGroupsLandByTheirSamAccountName() throws Exception {
        TargetJob job = new TargetJob();
        job.publishTemplateSchema("ad2ldap.json", text -> text.replace(SlapdTestDirectory.SUFFIX, base));
        job.publishSecrets(Map.of("TargetServer", SlapdTestDirectory.URL, "TargetUserName",
                SlapdTestDirectory.BIND_DN, "TargetPassword", SlapdTestDirectory.PASSWORD, "TargetDomain", base,
                "TargetNamingAttribute", "uid", "DisableMode", "MoveToLeavers", "LeaversContainer",
                "ou=leavers," + base));
        target.addContainers("ou=leavers");
        awaitMirrored(job);
        List<Entry> people = IntStream.range(0, 12).mapToObj(DirectoryToDirectoryProvisioningTest::adUser).toList();
        Entry team = new Entry("CN=Team,OU=groups,OU=corp,DC=example,DC=com",
                new Attribute("objectClass", "top", "group"), new Attribute("cn", "Team"),
                new Attribute("groupType", "-2147483640"), new Attribute("description", "Everyone"),
                new Attribute("member", people.stream().map(Entry::getDN).toList()));
        List<ObjectChange.ObjectChanged> images = new ArrayList<>(people.stream()
                .map(user -> job.object("User", user, user.getDN().startsWith("CN=User 11,"))).toList());
        images.add(job.object("Group", team, false));
        String initial = job.cycle(Set.of(), images);
        assertThat(finished(job, initial).result()).isEqualTo(JobEvent.CycleResult.Succeeded);

        Map<String, SearchResultEntry> users = entries("ou=people", "inetOrgPerson", "uid");
        assertThat(users).containsOnlyKeys(IntStream.range(0, 11).mapToObj(i -> "user" + i).toList());
        SearchResultEntry three = users.get("user3");
        assertThat(three.getDN()).isEqualToIgnoringCase("uid=user3,ou=people," + base);
        assertThat(three.getAttributeValue("cn")).isEqualTo("User Three 3");
        assertThat(three.getAttributeValue("sn")).isEqualTo("User 3");
        assertThat(three.getAttributeValue("mail")).isEqualTo("user3@example.com");
        assertThat(three.getAttributeValue("employeeNumber")).isEqualTo("3003");
        assertThat(three.getAttributeValue("departmentNumber")).isEqualTo("R&D");
        assertThat(three.getAttributeValue("manager")).isEqualToIgnoringCase(users.get("user0").getDN());
        SearchResultEntry group = entries("ou=groups", "groupOfNames", "cn").get("Team");
        assertThat(members(group)).containsExactlyInAnyOrderElementsOf(users.values().stream()
                .map(user -> lower(user.getDN())).toList());

        JobEvent.CycleFinished disabled = finished(job, job.cycle(Set.of(), List.of(job.object("User",
                adUser(4), true))));
        assertThat(disabled.result()).isEqualTo(JobEvent.CycleResult.Succeeded);
        assertThat(entries("ou=leavers", "inetOrgPerson", "uid")).containsOnlyKeys("user4");
    }

    /** An AD account as change-detector reads it: user0 manages the others; even ones have no sn. */
    private static Entry adUser(int i) {
        Entry user = new Entry("CN=User " + i + ",OU=people,OU=corp,DC=example,DC=com",
                new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                new Attribute("cn", "User " + i), new Attribute("sAMAccountName", "user" + i),
                new Attribute("userPrincipalName", "user" + i + "@example.com"),
                new Attribute("displayName", "User " + (i == 3 ? "Three " : "") + i),
                new Attribute("department", "R&D"), new Attribute("employeeID", String.valueOf(3000 + i)),
                new Attribute("userAccountControl", "512"));
        if (i % 2 == 1) {
            user.addAttribute("sn", "User " + i);
        }
        if (i > 0) {
            user.addAttribute("manager", "CN=User 0,OU=people,OU=corp,DC=example,DC=com");
        }
        return user;
    }

    /** The entries of one object class below a container of the subtree, by the value of {@code key}. */
    private Map<String, SearchResultEntry> entries(String container, String objectClass, String key)
            throws LDAPException {
        return target.connection().search(container + "," + base, SearchScope.ONE, "(objectClass=" + objectClass
                + ")", "*").getSearchEntries().stream()
                .collect(Collectors.toMap(entry -> entry.getAttributeValue(key), Function.identity()));
    }

    private static Set<String> members(SearchResultEntry group) {
        return Arrays.stream(group.getAttributeValues("member")).map(DirectoryToDirectoryProvisioningTest::lower)
                .collect(Collectors.toSet());
    }

    private static String lower(String dn) {
        return dn.toLowerCase(Locale.ROOT);
    }
}
