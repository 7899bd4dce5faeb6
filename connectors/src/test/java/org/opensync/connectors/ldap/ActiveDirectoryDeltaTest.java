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
}
