package org.opensync.provisioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.JobEvent;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedGroup;
import org.opensync.sandbox.ldap.GeneratedUser;

/**
 * A job of the LDAP2LDAP template writes a directory's users and groups into another directory (slapd, a private
 * subtree): users matched by uid below {@code ou=people} with their managers, groups by cn below {@code ou=groups}
 * with their members, both as the target entries' DNs; a member removed from a source group leaves the target group.
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
