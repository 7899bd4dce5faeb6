package org.opensync.connectors.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How DirSync entries, as Samba returns them, are told apart: tombstones, moves/renames, incremental members. */
class ActiveDirectoryDeltaTest {

    @Test
    void tombstonesAreKnownByIsDeletedOrByTheirRdn() {
        assertThat(ActiveDirectoryDelta.tombstone(new Entry(
                "CN=v2\\0ADEL:647c8ef5-4a9a-4040-9277-ab12424fb901,CN=Deleted Objects,DC=example,DC=org",
                new Attribute("isDeleted", "TRUE")))).isTrue();
        assertThat(ActiveDirectoryDelta.tombstone(new Entry(
                "CN=v2\\0ADEL:647c8ef5-4a9a-4040-9277-ab12424fb901,CN=Deleted Objects,DC=example,DC=org"))).isTrue();
        assertThat(ActiveDirectoryDelta.tombstone(new Entry("CN=v2,OU=people,DC=example,DC=org",
                new Attribute("description", "hello")))).isFalse();
    }

    @Test
    void aChangedNameOrParentIsARenameOrMove() {
        assertThat(ActiveDirectoryDelta.movedOrRenamed(new Entry("CN=v3moved,OU=sub,DC=example,DC=org",
                new Attribute("parentGUID", new byte[16]), new Attribute("name", "v3moved")))).isTrue();
        assertThat(ActiveDirectoryDelta.movedOrRenamed(new Entry("CN=v3,DC=example,DC=org",
                new Attribute("title", "boss")))).isFalse();
    }

    @Test
    void incrementalMemberValuesNameAddedAndRemovedMembers() {
        Entry group = new Entry("CN=g,OU=groups,DC=example,DC=org",
                new Attribute("member;range=1-1", "CN=added,OU=people,DC=example,DC=org"),
                new Attribute("member;range=0-0", "CN=removed,OU=people,DC=example,DC=org"),
                new Attribute("sAMAccountName", "g"));
        assertThat(ActiveDirectoryDelta.changedMembers(group)).containsExactlyInAnyOrder(
                "CN=added,OU=people,DC=example,DC=org", "CN=removed,OU=people,DC=example,DC=org");
    }

    @Test
    void scopeIsTheBaseAndBelowComparedAsDistinguishedNames() {
        assertThat(ActiveDirectoryDelta.within("cn=A,ou=People,dc=example,dc=org", "OU=people,DC=example,DC=org"))
                .isTrue();
        assertThat(ActiveDirectoryDelta.within("CN=A,OU=elsewhere,DC=example,DC=org", "OU=people,DC=example,DC=org"))
                .isFalse();
        assertThat(ActiveDirectoryDelta.within("not a dn", "OU=people,DC=example,DC=org")).isFalse();
    }

    @Test
    void theDirSyncWatchRingsOnlyForWhatTheDeltaReadActsOn() {
        List<ActiveDirectoryDelta.Scope> users = List.of(new ActiveDirectoryDelta.Scope(
                new ObjectTypeQuery("User", "(objectClass=user)", java.util.Set.of("memberOf"), "OU=people"),
                "OU=people,DC=example,DC=org", new String[] {"sAMAccountName", "memberOf"}));
        Attribute guid = new Attribute("objectGUID", new byte[16]);
        assertThat(ActiveDirectoryDelta.concerns(new Entry("CN=a,OU=people,DC=example,DC=org", guid,
                new Attribute("sAMAccountName", "a")), users)).as("changed in the base").isTrue();
        assertThat(ActiveDirectoryDelta.concerns(new Entry("CN=b,OU=elsewhere,DC=example,DC=org", guid,
                new Attribute("sAMAccountName", "b")), users)).as("changed elsewhere").isFalse();
        assertThat(ActiveDirectoryDelta.concerns(new Entry("CN=c,OU=elsewhere,DC=example,DC=org", guid,
                new Attribute("parentGUID", new byte[16])), users)).as("moved out of the base").isTrue();
        assertThat(ActiveDirectoryDelta.concerns(new Entry(
                "CN=d\\0ADEL:647c8ef5-4a9a-4040-9277-ab12424fb901,CN=Deleted Objects,DC=example,DC=org", guid,
                new Attribute("isDeleted", "TRUE")), users)).as("deleted").isTrue();
        assertThat(ActiveDirectoryDelta.concerns(new Entry("CN=g,OU=groups,DC=example,DC=org", guid,
                new Attribute("member;range=1-1", "CN=a,OU=people,DC=example,DC=org")), users))
                .as("a group elsewhere now names a user of the base, whose memberOf changed").isTrue();
        assertThat(ActiveDirectoryDelta.concerns(new Entry("CN=a,OU=people,DC=example,DC=org",
                new Attribute("sAMAccountName", "a")), users)).as("no objectGUID: nothing to read").isFalse();
    }
}
