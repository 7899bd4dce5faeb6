package org.opensync.connectors.ldap;

import org.opensync.sandbox.directory.TestDirectory;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedUser;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
  * Delta reads after adds, modifies, deletes and membership changes, judged by the caller's rules ({@link Replica}),
  * so the same assertions hold whether the server lists deletions (RFC 4533) or not (timestamps + anchor listing).
  * Each test owns a fresh directory.
  */
abstract class LdapDeltaContract {

    static final int USERS = 30;
    static final int GROUPS = 3;

    final DirectoryDataGenerator generator = new DirectoryDataGenerator();
    TestDirectory directory;
    LdapSource source;
    final Replica replica = new Replica();

    abstract TestDirectory newDirectory();

    @BeforeEach
    void load() {
        directory = newDirectory().load(generator.generate(USERS, GROUPS));
        source = LdapSource.open(TestSettings.of(directory));
    }

    @AfterEach
    void remove() {
        source.close();
        directory.close();
    }

    @Test
    void deltaReportsAddedModifiedAndDeletedEntriesAndMembershipChanges() {
        Watermark full = replica.fullRead(source);
        String modified = anchorOf("User", "user00001");
        String deleted = anchorOf("User", "user00002");
        String groupGaining = anchorOf("Group", "group000");
        String groupLosing = anchorOf("Group", "group001");

        GeneratedUser added = generator.user(USERS);
        directory.addUser(added);
        directory.modify(directory.userDn("user00001"), "title", "Chief Tester");
        directory.delete(directory.userDn("user00002"));
        directory.addMember(directory.groupDn("group000"), directory.userDn(added.uid()));
        directory.removeMember(directory.groupDn("group001"), directory.userDn("user00004"));

        Map.Entry<DeltaResult, Replica.Effect> delta = replica.deltaRead(source, full);
        Replica.Effect effect = delta.getValue();
        String addedAnchor = anchorOf("User", added.uid());
        assertThat(effect.changed("User")).containsExactlyInAnyOrder(addedAnchor, modified);
        assertThat(effect.deleted("User")).containsExactly(deleted);
        assertThat(effect.changed("Group")).containsExactlyInAnyOrder(groupGaining, groupLosing);
        assertThat(effect.deleted("Group")).isEmpty();
        assertThat(replica.images("User").get(modified).value("title")).isEqualTo("Chief Tester");
        assertThat(replica.images("Group").get(groupGaining).values("member"))
                .contains(directory.userDn(added.uid()));
        assertThat(replica.images("Group").get(groupLosing).values("member"))
                .doesNotContain(directory.userDn("user00004"));
        assertThat(replica.images("User")).hasSize(USERS);

        Map.Entry<DeltaResult, Replica.Effect> quiet = replica.deltaRead(source, delta.getKey().watermark());
        assertThat(quiet.getValue().changed("User")).isEmpty();
        assertThat(quiet.getValue().changed("Group")).isEmpty();
        assertThat(quiet.getValue().deleted("User")).isEmpty();
    }

    @Test
    void deletingAGroupAndAMemberUserIsSeenOnBothTypes() {
        Watermark full = replica.fullRead(source);
        String group = anchorOf("Group", "group002");
        directory.delete(directory.groupDn("group002"));
        directory.modify(directory.userDn("user00005"), "mail", "renamed@example.org");

        Replica.Effect effect = replica.deltaRead(source, full).getValue();
        assertThat(effect.deleted("Group")).containsExactly(group);
        assertThat(effect.changed("User")).containsExactly(anchorOf("User", "user00005"));
        assertThat(replica.images("Group")).hasSize(GROUPS - 1);
    }

    @Test
    void aCorruptWatermarkAsksForAFullRead() {
        replica.fullRead(source);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> source.deltaRead(TestTypes.BOTH, new Watermark("{\"v\":1,\"mode\":\"timestamp\"}"),
                                new NoOpDeltaListener()))
                .isInstanceOf(WatermarkUnusableException.class)
                .hasMessageContaining("run a full read");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> source.deltaRead(TestTypes.BOTH, new Watermark("not json"), new NoOpDeltaListener()))
                .isInstanceOf(WatermarkUnusableException.class);
    }

    String anchorOf(String type, String name) {
        return replica.images(type).values().stream()
                .filter(e -> name.equals(e.value(type.equals("User") ? "uid" : "cn")))
                .findFirst().orElseThrow(() -> new AssertionError(type + " " + name + " not in the replica"))
                .anchor();
    }
}
