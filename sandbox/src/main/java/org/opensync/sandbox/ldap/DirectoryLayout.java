package org.opensync.sandbox.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.RDN;

import java.util.List;

/** Where things live in the sandbox directory; shared by the live server and the LDIF export. */
public final class DirectoryLayout {

    public static final String BASE_DN = "dc=example,dc=org";
    public static final String PEOPLE_DN = "ou=people," + BASE_DN;
    public static final String GROUPS_DN = "ou=groups," + BASE_DN;
    public static final String MAIL_DOMAIN = "example.org";

    private DirectoryLayout() {
    }

    public static String userDn(String uid) {
        return new RDN("uid", uid) + "," + PEOPLE_DN;
    }

    public static String groupDn(String cn) {
        return new RDN("cn", cn) + "," + GROUPS_DN;
    }

    /** The base entry and the two containers, parents first as slapadd requires. */
    public static List<Entry> containerEntries() {
        return List.of(
                new Entry(BASE_DN,
                        List.of(new Attribute("objectClass", "top", "dcObject", "organization"),
                                new Attribute("dc", "example"),
                                new Attribute("o", "Example Org"))),
                organizationalUnit("people"),
                organizationalUnit("groups"));
    }

    private static Entry organizationalUnit(String ou) {
        return new Entry("ou=" + ou + "," + BASE_DN,
                List.of(new Attribute("objectClass", "top", "organizationalUnit"),
                        new Attribute("ou", ou)));
    }
}
