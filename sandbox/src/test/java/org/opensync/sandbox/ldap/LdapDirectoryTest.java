package org.opensync.sandbox.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LdapDirectoryTest {

    private static final int USERS = 40;
    private static final int GROUPS = 4;
    private static final DirectoryDataGenerator GENERATOR = new DirectoryDataGenerator();
    private static final DirectoryData DATA = GENERATOR.generate(USERS, GROUPS);

    private static LdapDirectory directory;
    private static LDAPConnection connection;

    @BeforeAll
    static void start() {
        directory = new LdapDirectory().start().load(DATA);
        connection = directory.connect();
    }

    @AfterAll
    static void stop() {
        connection.close();
        directory.stop();
    }

    @Test
    void generatedUsersAreSearchableOverTheSocket() throws LDAPException {
        SearchResult result = connection.search(DirectoryLayout.PEOPLE_DN, SearchScope.ONE, "(objectClass=inetOrgPerson)",
                "uid", "mail", "manager", "departmentNumber", "preferredLanguage");
        assertThat(result.getEntryCount()).isGreaterThanOrEqualTo(USERS);

        GeneratedUser expected = DATA.users().get(17);
        SearchResultEntry entry = connection.getEntry(expected.dn(), "*", "+");
        assertThat(entry.getAttributeValue("mail")).isEqualTo(expected.mail());
        assertThat(entry.getAttributeValue("title")).isEqualTo(expected.title());
        assertThat(entry.getAttributeValue("departmentNumber")).isEqualTo(expected.department());
        assertThat(entry.getAttributeValue("telephoneNumber")).isEqualTo(expected.telephoneNumber());
        assertThat(entry.getAttributeValue("manager")).isEqualTo(expected.managerDn().orElseThrow());
        assertThat(entry.getAttributeValue("entryUUID")).isNotBlank();
        assertThat(entry.getAttributeValue("createTimestamp")).isNotBlank();
        assertThat(entry.getAttributeValue("modifyTimestamp")).isNotBlank();
    }

    @Test
    void mostButNotAllUsersHaveAManager() {
        long managed = DATA.users().stream().filter(u -> u.managerUid() != null).count();
        assertThat(managed).isGreaterThan(USERS * 9 / 10L).isLessThan(USERS);
    }

    @Test
    void generatedGroupsHaveOverlappingMembers() throws LDAPException {
        SearchResult result = connection.search(DirectoryLayout.GROUPS_DN, SearchScope.ONE, "(objectClass=groupOfNames)",
                "cn", "member");
        assertThat(result.getEntryCount()).isGreaterThanOrEqualTo(GROUPS);
        List<GeneratedGroup> groups = DATA.groups();
        for (GeneratedGroup group : groups) {
            SearchResultEntry entry = connection.getEntry(group.dn(), "member");
            assertThat(entry.getAttributeValues("member")).containsExactlyInAnyOrderElementsOf(group.memberDns());
        }
        Set<String> first = Set.copyOf(groups.get(0).memberUids());
        assertThat(groups.subList(1, GROUPS).stream().flatMap(g -> g.memberUids().stream()).filter(first::contains))
                .isNotEmpty();
        Set<String> everyMember = groups.stream().flatMap(g -> g.memberUids().stream()).collect(Collectors.toSet());
        assertThat(everyMember).hasSize(USERS);
    }

    @Test
    void generationIsDeterministic() {
        assertThat(new DirectoryDataGenerator().user(123)).isEqualTo(GENERATOR.user(123));
        assertThat(new DirectoryDataGenerator(7).user(123)).isNotEqualTo(GENERATOR.user(123));
    }

    @Test
    void modifyUpdatesModifyTimestampAndTheChangelog() throws Exception {
        String dn = directory.addUser("modify.me", "Mo", "Dify");
        String before = connection.getEntry(dn, "+").getAttributeValue("entryUUID");
        directory.modify(dn, "title", "Chief Tester");

        SearchResultEntry entry = connection.getEntry(dn, "title", "modifyTimestamp", "entryUUID");
        assertThat(entry.getAttributeValue("title")).isEqualTo("Chief Tester");
        assertThat(entry.getAttributeValue("modifyTimestamp")).isNotBlank();
        assertThat(entry.getAttributeValue("entryUUID")).isEqualTo(before);

        SearchResult changes = connection.search("cn=changelog", SearchScope.ONE,
                "(&(targetDN=" + dn + ")(changeType=modify))", "changes");
        assertThat(changes.getEntryCount()).isEqualTo(1);
        assertThat(changes.getSearchEntries().get(0).getAttributeValue("changes")).contains("Chief Tester");
    }

    @Test
    void membershipChangesAndDeletesAreVisible() throws LDAPException {
        GeneratedGroup group = DATA.groups().get(1);
        String newcomer = directory.addUser(GENERATOR.user(USERS + 1));
        directory.addMember(group.dn(), newcomer);
        assertThat(connection.getEntry(group.dn(), "member").getAttributeValues("member")).contains(newcomer);

        directory.removeMember(group.dn(), newcomer);
        assertThat(connection.getEntry(group.dn(), "member").getAttributeValues("member")).doesNotContain(newcomer);

        directory.delete(newcomer);
        assertThat(connection.getEntry(newcomer)).isNull();
    }

    @Test
    void anonymousClientsMayReadButNotWrite() throws LDAPException {
        try (LDAPConnection anonymous = new LDAPConnection("127.0.0.1", directory.port())) {
            assertThat(anonymous.getRootDSE()).isNotNull();
            assertThat(anonymous.getEntry(DATA.users().get(0).dn())).isNotNull();
            assertThatThrownBy(() -> anonymous.modify(DATA.users().get(0).dn(),
                    new Modification(ModificationType.REPLACE, "title", "x")))
                    .isInstanceOfSatisfying(LDAPException.class,
                            e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INSUFFICIENT_ACCESS_RIGHTS));
        }
    }

    @Test
    void wrongPasswordIsRejected() {
        assertThatThrownBy(() -> new LDAPConnection("127.0.0.1", directory.port(), directory.bindDn(), "wrong"))
                .isInstanceOfSatisfying(LDAPException.class,
                        e -> assertThat(e.getResultCode()).isEqualTo(ResultCode.INVALID_CREDENTIALS));
    }
}
