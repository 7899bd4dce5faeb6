package org.opensync.connectors.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensync.connectors.source.SourceImages;
import org.opensync.sandbox.directory.SambaTestDirectory;

/**
  * LdapSource reading a real Active Directory, the Samba AD DC of {@code infra/infra.sh start samba}, over LDAPS:
  * 2,000 users (every tenth disabled) and 24 universal groups, one with all 2,000 users as members, more than the
  * 1,500 values a DC returns at once. Seeded once for the class, in parallel LDAPS adds.
  */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LdapSambaSourceTest {

    private static final int USERS = 2_000;
    private static final int SMALL_GROUPS = 23;
    private static final ObjectTypeQuery USER = new ObjectTypeQuery("User", "(objectClass=user)",
            Set.of("sAMAccountName", "userAccountControl", "objectSid"));
    private static final ObjectTypeQuery GROUP = new ObjectTypeQuery("Group", "(objectClass=group)",
            Set.of("sAMAccountName", "member"));

    private SambaTestDirectory directory;
    private final List<String> userDns = new ArrayList<>();
    private String bigGroup;

    @BeforeAll
    void seed() throws Exception {
        assumeTrue(SambaTestDirectory.installed(), "Samba is not installed and infra/infra.sh could not install it: "
                + "the Active Directory tests are skipped");
        directory = new SambaTestDirectory();
        List<Entry> users = IntStream.range(0, USERS).mapToObj(this::user).toList();
        users.forEach(user -> userDns.add(user.getDN()));
        SambaTestDirectory.addInParallel(users);
        bigGroup = "CN=" + directory.name("everyone") + "," + directory.groupsDn();
        List<Entry> groups = new ArrayList<>();
        groups.add(group(directory.name("everyone"), userDns));
        for (int g = 0; g < SMALL_GROUPS; g++) {
            groups.add(group(directory.name("team" + g), userDns.subList(g * 10, g * 10 + 10)));
        }
        SambaTestDirectory.addInParallel(groups);
    }

    @AfterAll
    void close() {
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    void fullReadReturnsEveryUserAndGroupWithAllMembersOfALargeGroup() {
        Map<String, SourceEntry> users = new HashMap<>();
        Map<String, SourceEntry> groups = new HashMap<>();
        try (LdapSource source = LdapSource.open(settings())) {
            assertThat(source.capabilities().activeDirectory()).isTrue();
            source.fullRead(List.of(USER, GROUP), entry -> (entry.type().equals("User") ? users : groups)
                    .put(entry.value("sAMAccountName"), entry));
        }

        assertThat(users).hasSize(USERS);
        assertThat(groups).hasSize(SMALL_GROUPS + 1);
        assertThat(groups.get(directory.name("everyone")).values("member")).hasSize(USERS)
                .containsExactlyInAnyOrderElementsOf(userDns);
        assertThat(groups.get(directory.name("team3")).values("member"))
                .containsExactlyInAnyOrderElementsOf(userDns.subList(30, 40));
        assertThat(groups.get(directory.name("everyone")).attributes().keySet())
                .noneMatch(name -> name.contains(";"));
    }

    @Test
    void anchorsAreObjectGuidsAndDisabledAccountsAreSoftDeleted() throws LDAPException {
        Map<String, SourceEntry> users = new HashMap<>();
        try (LdapSource source = LdapSource.open(settings())) {
            source.fullRead(List.of(USER), entry -> users.put(entry.value("sAMAccountName"), entry));
        }
        SearchResultEntry raw = directory.connection().getEntry(userDns.get(7), "objectGUID");
        SourceEntry u7 = users.get(directory.name("u0007"));
        assertThat(u7.anchor()).isEqualTo(ObjectGuid.toUuidString(raw.getAttributeValueBytes("objectGUID")))
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(u7.values("objectGUID")).containsExactly(u7.anchor());
        assertThat(users.values().stream().map(SourceEntry::anchor).distinct()).hasSize(USERS);

        assertThat(SourceImages.image(users.get(directory.name("u0010"))).get("IsSoftDeleted"))
                .containsExactly("True");
        assertThat(SourceImages.image(u7).get("IsSoftDeleted")).containsExactly("False");
        assertThat(users.values().stream().filter(user ->
                SourceImages.image(user).get("IsSoftDeleted").equals(List.of("True")))).hasSize(USERS / 10);
    }

    @Test
    void readOneByAnchorCompletesRangedMembers() {
        try (LdapSource source = LdapSource.open(settings())) {
            SourceEntry byDn = source.readOne(GROUP, bigGroup).orElseThrow();
            SourceEntry byAnchor = source.readOne(GROUP, byDn.anchor()).orElseThrow();
            assertThat(byAnchor.values("member")).hasSize(USERS);
        }
    }

    private LdapSettings settings() {
        return LdapSettings.of(SambaTestDirectory.URL, SambaTestDirectory.BIND_UPN, SambaTestDirectory.PASSWORD,
                directory.baseDn()).withEgress(TestSettings.LOCAL).withTls(false, SambaTestDirectory.caCertificate());
    }

    private Entry user(int i) {
        return directory.seededUser(i, i % 10 == 0);
    }

    private Entry group(String name, List<String> members) {
        return new Entry("CN=" + name + "," + directory.groupsDn(), List.of(
                new Attribute("objectClass", "top", "group"), new Attribute("sAMAccountName", name),
                // ADS_GROUP_TYPE_UNIVERSAL_GROUP | ADS_GROUP_TYPE_SECURITY_ENABLED
                new Attribute("groupType", String.valueOf(0x8 | 0x80000000)),
                new Attribute("member", members)));
    }
}
