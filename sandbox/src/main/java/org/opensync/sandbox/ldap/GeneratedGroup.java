package org.opensync.sandbox.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;

import java.util.List;

/** One generated groupOfNames; {@code memberUids} is never empty because the object class requires a member. */
public record GeneratedGroup(int index, String cn, String description, List<String> memberUids) {

    public GeneratedGroup {
        memberUids = List.copyOf(memberUids);
        if (memberUids.isEmpty()) {
            throw new IllegalArgumentException("groupOfNames needs at least one member: " + cn);
        }
    }

    public String dn() {
        return DirectoryLayout.groupDn(cn);
    }

    public List<String> memberDns() {
        return memberUids.stream().map(DirectoryLayout::userDn).toList();
    }

    public Entry toEntry() {
        return new Entry(dn(), List.of(
                new Attribute("objectClass", "top", "groupOfNames"),
                new Attribute("cn", cn),
                new Attribute("description", description),
                new Attribute("member", memberDns())));
    }
}
