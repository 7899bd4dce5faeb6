package org.opensync.connectors.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensync.connectors.source.SourceImages;
import org.opensync.sandbox.directory.SambaTestDirectory;

/**
  * Delta reads of the Samba AD DC: DirSync as the domain administrator (attribute change, disable, delete, rename,
  * move within and out of the scope, membership added and removed, memberOf of the members), and the uSNChanged
  * fallback as an account without the replication right; the DirSync watch that rings the job's bell between ticks.
  * Each test writes its own users in the class's OU.
  */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LdapSambaDeltaTest {

    private static final ObjectTypeQuery USER = new ObjectTypeQuery("User", "(objectClass=user)",
            Set.of("sAMAccountName", "userAccountControl", "description", "memberOf"), "OU=people");
    private static final ObjectTypeQuery GROUP = new ObjectTypeQuery("Group", "(objectClass=group)",
            Set.of("sAMAccountName", "member"), "OU=groups");
    private static final String READER_PASSWORD = "Reader-Passw0rd!";

    private SambaTestDirectory directory;
    private String elsewhere;
    private String subOu;

    @BeforeAll
    void setUp() {
        assumeTrue(SambaTestDirectory.installed(), "Samba is not installed: the Active Directory tests are skipped");
        directory = new SambaTestDirectory();
        elsewhere = directory.addOrganizationalUnit("elsewhere");
        subOu = "OU=sub," + directory.peopleDn();
        directory.add(new Entry(subOu, List.of(new Attribute("objectClass", "top", "organizationalUnit"))));
        directory.add(SambaTestDirectory.user(directory.peopleDn(), directory.name("reader"), READER_PASSWORD));
    }

    @AfterAll
    void close() {
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    void dirSyncReportsEveryKindOfChangeWithCompleteImages() throws LDAPException {
        List<String> users = addUsers("d", 7);
        String group = addGroup("dgroup", users.subList(0, 2));
        Map<String, String> anchors = new HashMap<>();
        Watermark mark;
        try (LdapSource source = LdapSource.open(settings(SambaTestDirectory.BIND_UPN, SambaTestDirectory.PASSWORD))) {
            mark = source.fullRead(List.of(USER, GROUP), entry -> anchors.put(entry.dn(), entry.anchor()));
            assertThat(source.warning()).isEmpty();
        }
        assertThat(mark.value()).contains("\"mode\":\"dirSync\"");

        modify(users.get(0), new Modification(ModificationType.REPLACE, "description", "changed"));
        modify(users.get(1), new Modification(ModificationType.REPLACE, "userAccountControl", "514"));
        directory.connection().delete(users.get(2));
        directory.connection().modifyDN(users.get(3), "CN=" + directory.name("d3renamed"), true);
        directory.connection().modifyDN(users.get(4), "CN=" + directory.name("d4"), true, subOu);
        directory.connection().modifyDN(users.get(5), "CN=" + directory.name("d5"), true, elsewhere);
        modify(group, new Modification(ModificationType.ADD, "member", users.get(6)),
                new Modification(ModificationType.DELETE, "member", users.get(0)));

        Recorder delta = new Recorder();
        DeltaResult result;
        try (LdapSource source = LdapSource.open(settings(SambaTestDirectory.BIND_UPN, SambaTestDirectory.PASSWORD))) {
            result = source.deltaRead(List.of(USER, GROUP), mark, delta);
        }

        assertThat(result.presentPhaseTypes()).isEmpty();
        assertThat(result.watermark().value()).contains("\"mode\":\"dirSync\"").isNotEqualTo(mark.value());
        SourceEntry described = delta.changed(anchors.get(users.get(0)));
        assertThat(described.value("description")).isEqualTo("changed");
        assertThat(described.value("sAMAccountName")).isEqualTo(directory.name("d0"));
        assertThat(described.values("memberOf")).isEmpty();
        assertThat(SourceImages.image(delta.changed(anchors.get(users.get(1)))).get("IsSoftDeleted"))
                .containsExactly("True");
        assertThat(delta.changed(anchors.get(users.get(3))).dn())
                .isEqualTo("CN=" + directory.name("d3renamed") + "," + directory.peopleDn());
        assertThat(delta.changed(anchors.get(users.get(4))).dn())
                .isEqualTo("CN=" + directory.name("d4") + "," + subOu);
        assertThat(delta.deleted).contains("User:" + anchors.get(users.get(2)), "User:" + anchors.get(users.get(5)))
                .doesNotContain("User:" + anchors.get(users.get(0)), "User:" + anchors.get(users.get(3)));
        assertThat(delta.changed(anchors.get(group)).values("member"))
                .containsExactlyInAnyOrder(users.get(1), users.get(6));
        // memberOf is a back-link DirSync does not report: the added member is read again all the same
        assertThat(delta.changed(anchors.get(users.get(6))).values("memberOf")).containsExactly(group);
    }

    @Test
    void withoutTheReplicationRightTheSourceFallsBackToUsnChangedAndListsAnchors() throws LDAPException {
        List<String> users = addUsers("f", 3);
        String reader = directory.name("reader") + "@example.org";
        Map<String, String> anchors = new HashMap<>();
        Watermark mark;
        try (LdapSource source = LdapSource.open(settings(reader, READER_PASSWORD))) {
            assertThat(source.capabilities().dirSync()).isTrue();
            mark = source.fullRead(List.of(USER), entry -> anchors.put(entry.dn(), entry.anchor()));
            assertThat(source.warning()).hasValueSatisfying(warning ->
                    assertThat(warning).contains("Replicating Directory Changes"));
        }
        assertThat(mark.value()).contains("\"mode\":\"usn\"");

        modify(users.get(0), new Modification(ModificationType.REPLACE, "description", "seen by USN"));
        directory.connection().delete(users.get(1));

        Recorder delta = new Recorder();
        DeltaResult result;
        try (LdapSource source = LdapSource.open(settings(reader, READER_PASSWORD))) {
            result = source.deltaRead(List.of(USER), mark, delta);
            assertThat(source.warning()).isPresent();
        }
        assertThat(result.presentPhase("User")).isTrue();
        assertThat(delta.changed(anchors.get(users.get(0))).value("description")).isEqualTo("seen by USN");
        assertThat(delta.changedAnchors()).doesNotContain(anchors.get(users.get(2)));
        assertThat(delta.present).contains(anchors.get(users.get(2))).doesNotContain(anchors.get(users.get(1)));
    }

    @Test
    void aDirSyncWatchRingsForAChangeInTheScopeWithoutATick() throws LDAPException {
        List<String> users = addUsers("w", 2);
        Watermark mark;
        try (LdapSource source = LdapSource.open(settings(SambaTestDirectory.BIND_UPN, SambaTestDirectory.PASSWORD))) {
            mark = source.fullRead(List.of(USER), entry -> { });
        }
        AtomicInteger rings = new AtomicInteger();
        try (LdapSource source = LdapSource.open(settings(SambaTestDirectory.BIND_UPN, SambaTestDirectory.PASSWORD));
             SourceWatch watch = source.watch(List.of(USER), mark, rings::incrementAndGet).orElseThrow()) {
            modify(users.get(0), new Modification(ModificationType.REPLACE, "description", "watched"));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rings.get() >= 1);

            int before = rings.get();
            directory.connection().delete(users.get(1));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> rings.get() > before);
            assertThat(watch.open()).isTrue();
        }
    }

    @Test
    void withoutTheReplicationRightThereIsNoWatchAndTheJobPollsByTicks() throws LDAPException {
        String reader = directory.name("reader") + "@example.org";
        try (LdapSource source = LdapSource.open(settings(reader, READER_PASSWORD))) {
            Watermark mark = source.fullRead(List.of(USER), entry -> { });
            assertThat(source.watch(List.of(USER), mark, () -> { })).isEmpty();
        }
    }

    private LdapSettings settings(String bindUpn, String password) {
        return LdapSettings.of(SambaTestDirectory.URL, bindUpn, password, directory.baseDn())
                .withEgress(TestSettings.LOCAL).withTls(false, SambaTestDirectory.caCertificate());
    }

    private List<String> addUsers(String prefix, int count) {
        List<String> dns = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = directory.name(prefix + i);
            Entry user = new Entry("CN=" + name + "," + directory.peopleDn(), List.of(
                    new Attribute("objectClass", "top", "person", "organizationalPerson", "user"),
                    new Attribute("sAMAccountName", name),
                    // NORMAL_ACCOUNT | PASSWD_NOTREQD: enabled without a password
                    new Attribute("userAccountControl", "544")));
            directory.add(user);
            dns.add(user.getDN());
        }
        return dns;
    }

    private String addGroup(String name, List<String> members) {
        Entry group = SambaTestDirectory.group(directory.groupsDn(), directory.name(name), members);
        directory.add(group);
        return group.getDN();
    }

    private void modify(String dn, Modification... modifications) throws LDAPException {
        directory.connection().modify(dn, modifications);
    }

    /** Keeps the last image of each changed anchor, the deletions as type:anchor, and the present anchors. */
    private static final class Recorder implements DeltaListener {
        private final Map<String, SourceEntry> changed = new HashMap<>();
        private final Set<String> deleted = new HashSet<>();
        private final Set<String> present = new HashSet<>();

        @Override
        public void changed(SourceEntry entry) {
            changed.put(entry.anchor(), entry);
        }

        @Override
        public void deleted(String type, String anchor) {
            deleted.add(type + ":" + anchor);
        }

        @Override
        public void present(String type, String anchor) {
            present.add(anchor);
        }

        SourceEntry changed(String anchor) {
            assertThat(changed).as("changed objects").containsKey(anchor);
            return changed.get(anchor);
        }

        Set<String> changedAnchors() {
            return changed.keySet();
        }
    }
}
