package org.opensync.connectors.ldap;

import org.opensync.sandbox.directory.TestDirectory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedGroup;
import org.opensync.sandbox.ldap.GeneratedUser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Full reads of 1,000 generated users and 25 groups, the same assertions against every directory kind. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LdapFullReadContract {

    static final int USERS = 1_000;
    static final int GROUPS = 25;

    private final DirectoryDataGenerator generator = new DirectoryDataGenerator();
    private final DirectoryData data = generator.generate(USERS, GROUPS);
    private TestDirectory directory;
    private LdapSource source;

    abstract TestDirectory newDirectory();

    @BeforeAll
    void load() {
        directory = newDirectory().load(data);
        source = LdapSource.open(TestSettings.of(directory));
    }

    @AfterAll
    void remove() {
        if (source != null) {
            source.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    void readOneFindsAnEntryByItsAnchorOrItsDnAndNothingOutsideTheTypeOrTheBase() {
        GeneratedUser expected = generator.user(7);
        String dn = directory.userDn(expected.uid());
        SourceEntry byDn = source.readOne(TestTypes.USERS, dn).orElseThrow();
        assertThat(byDn.value("mail")).isEqualTo(expected.mail());

        SourceEntry byAnchor = source.readOne(TestTypes.USERS, byDn.anchor()).orElseThrow();
        assertThat(byAnchor.dn()).isEqualToIgnoringCase(dn);
        assertThat(byAnchor.anchor()).isEqualTo(byDn.anchor());

        assertThat(source.readOne(TestTypes.GROUPS, dn)).as("a user is not a group").isEmpty();
        assertThat(source.readOne(TestTypes.USERS, "00000000-0000-4000-8000-000000000000")).isEmpty();
        assertThat(source.readOne(TestTypes.USERS, "uid=nobody," + directory.baseDn())).isEmpty();
        assertThat(source.readOne(TestTypes.USERS, "uid=" + expected.uid() + ",dc=elsewhere")).isEmpty();
    }

    @Test
    void fullReadDeliversEveryUserAndGroupWithTheirAttributesAndMembers() {
        Map<String, SourceEntry> users = new HashMap<>();
        Map<String, SourceEntry> groups = new HashMap<>();
        Watermark watermark = source.fullRead(TestTypes.BOTH,
                entry -> (entry.type().equals("User") ? users : groups).put(entry.value("uid") != null
                        ? entry.value("uid") : entry.value("cn"), entry));

        assertThat(watermark.value()).isNotBlank();
        assertThat(users).hasSize(USERS);
        assertThat(groups).hasSize(GROUPS);
        for (int i : new int[] {0, 1, 7, 25, 499, 999}) {
            GeneratedUser expected = generator.user(i);
            SourceEntry user = users.get(expected.uid());
            assertThat(user.dn()).isEqualToIgnoringCase(directory.userDn(expected.uid()));
            assertThat(user.values("MAIL")).containsExactly(expected.mail());
            assertThat(user.value("givenName")).isEqualTo(expected.givenName());
            assertThat(user.value("sn")).isEqualTo(expected.surname());
            assertThat(user.value("departmentNumber")).isEqualTo(expected.department());
            assertThat(user.value("employeeNumber")).isEqualTo(expected.employeeNumber());
            assertThat(user.values("manager")).containsExactlyElementsOf(
                    expected.managerDn().map(dn -> directory.userDn(expected.managerUid())).stream().toList());
            assertThat(user.attributes()).doesNotContainKey("telephoneNumber");
        }
        for (GeneratedGroup expected : data.groups()) {
            SourceEntry group = groups.get(expected.cn());
            assertThat(group.values("member")).containsExactlyInAnyOrderElementsOf(
                    expected.memberUids().stream().map(directory::userDn).toList());
            assertThat(group.value("description")).isEqualTo(expected.description());
        }
        Set<String> anchors = new HashSet<>();
        users.values().forEach(u -> anchors.add(u.anchor()));
        groups.values().forEach(g -> anchors.add(g.anchor()));
        assertThat(anchors).hasSize(USERS + GROUPS)
                .allMatch(anchor -> anchor.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    }

    @Test
    void tinyPagesDeliverEachEntryExactlyOnce() {
        try (LdapSource tinyPages = LdapSource.open(TestSettings.of(directory).withPageSize(7))) {
            List<String> anchors = new ArrayList<>();
            tinyPages.fullRead(List.of(TestTypes.USERS), entry -> anchors.add(entry.anchor()));
            assertThat(anchors).hasSize(USERS).doesNotHaveDuplicates();
        }
    }

    /**
      * Proves streaming: an entry added from inside the callback for the first entry still turns up in the same read,
      * which cannot happen if the reader had fetched the whole result before calling back.
      */
    @Test
    void entriesReachTheCallbackWhileTheSearchIsStillRunning() {
        GeneratedUser late = new GeneratedUser(USERS + 1, "zz-added-while-reading", "Late", "Comer", "Late Comer",
                "late@example.org", "t", "d", "1", "1", "1", "l", "s", "p", "st", "o", "en-US", null);
        AtomicBoolean added = new AtomicBoolean();
        AtomicInteger delivered = new AtomicInteger();
        Set<String> uids = new HashSet<>();
        try (LdapSource reader = LdapSource.open(TestSettings.of(directory).withPageSize(50))) {
            reader.fullRead(List.of(TestTypes.USERS), entry -> {
                if (added.compareAndSet(false, true)) {
                    directory.addUser(late);
                }
                delivered.incrementAndGet();
                uids.add(entry.value("uid"));
            });
        } finally {
            directory.delete(directory.userDn(late.uid()));
        }
        assertThat(uids).contains(late.uid());
        assertThat(delivered.get()).isEqualTo(USERS + 1);
    }

    @Test
    void anchorListingMatchesTheFullRead() {
        Set<String> fromFullRead = new HashSet<>();
        source.fullRead(List.of(TestTypes.GROUPS), entry -> fromFullRead.add(entry.anchor()));
        List<String> listed = new ArrayList<>();
        source.readAnchors(TestTypes.GROUPS, listed::add);
        assertThat(listed).hasSize(GROUPS).containsExactlyInAnyOrderElementsOf(fromFullRead);
    }

    @Test
    void aFailingCallbackEndsTheReadWithItsOwnExceptionAndTheSourceStaysUsable() {
        AtomicInteger calls = new AtomicInteger();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> source.fullRead(List.of(TestTypes.USERS), entry -> {
            if (calls.incrementAndGet() == 3) {
                throw new IllegalStateException("downstream is full");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("downstream is full");
        assertThat(calls.get()).isEqualTo(3);
        List<String> anchors = new ArrayList<>();
        source.readAnchors(TestTypes.USERS, anchors::add);
        assertThat(anchors).hasSize(USERS);
    }
}
