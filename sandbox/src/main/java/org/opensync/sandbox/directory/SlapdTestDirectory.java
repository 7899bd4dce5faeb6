package org.opensync.sandbox.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryLayout;
import org.opensync.sandbox.ldap.GeneratedGroup;
import org.opensync.sandbox.ldap.GeneratedUser;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;


/**
  * A private subtree {@code ou=t-<random>,dc=example,dc=org} of the shared OpenLDAP slapd that
  * {@code infra/infra.sh start ldap} runs (several modules' tests use it at once), removed again on close. The
  * sandbox's generated entries are moved below it.
  */
public final class SlapdTestDirectory implements TestDirectory {

    public static final String URL = env("LDAP_URL", "ldap://127.0.0.1:3389");
    public static final String BIND_DN = env("LDAP_BIND_DN", "cn=admin,dc=example,dc=org");
    public static final String PASSWORD = env("LDAP_BIND_PASSWORD", "admin-password");
    public static final String SUFFIX = "dc=example,dc=org";

    private final String root = "ou=t-" + UUID.randomUUID().toString().substring(0, 8) + "," + SUFFIX;
    private final LDAPConnection connection;

    public SlapdTestDirectory() {
        connection = connect();
        add(organizationalUnit(root));
        add(organizationalUnit("ou=people," + root));
        add(organizationalUnit("ou=groups," + root));
    }

    /** A bound admin connection; fails the test (never skips it) when slapd is not running. */
    public static LDAPConnection connect() {
        try {
            LDAPURL url = new LDAPURL(URL);
            return new LDAPConnection(url.getHost(), url.getPort(), BIND_DN, PASSWORD);
        } catch (LDAPException e) {
            throw new IllegalStateException("OpenLDAP slapd is not reachable at " + URL + " as " + BIND_DN + " (" + e.getMessage()
                    + "): start it with `infra/infra.sh start ldap` (CI does); set LDAP_URL / LDAP_BIND_DN / "
                    + "LDAP_BIND_PASSWORD for another instance");
        }
    }

    @Override
    public String url() {
        return URL;
    }

    @Override
    public String bindDn() {
        return BIND_DN;
    }

    @Override
    public String password() {
        return PASSWORD;
    }

    @Override
    public String baseDn() {
        return root;
    }

    @Override
    public TestDirectory load(DirectoryData data) {
        Stream.concat(data.users().stream().map(GeneratedUser::toEntry),
                data.groups().stream().map(group -> group.toEntry())).forEach(entry -> add(moved(entry)));
        return this;
    }

    @Override
    public String userDn(String uid) {
        return moved(DirectoryLayout.userDn(uid));
    }

    @Override
    public String groupDn(String cn) {
        return moved(DirectoryLayout.groupDn(cn));
    }

    /**
     * Adds containers below this directory's subtree, parents first, e.g. {@code "ou=sales,ou=people"} (a target
     * job's OUs).
     */
    public void addContainers(String... relativeDns) {
        for (String relative : relativeDns) {
            add(organizationalUnit(relative + "," + root));
        }
    }

    @Override
    public void addUser(GeneratedUser user) {
        add(moved(user.toEntry()));
    }

    @Override
    public void addGroup(GeneratedGroup group) {
        add(moved(group.toEntry()));
    }

    @Override
    public void modify(String dn, String attribute, String... values) {
        apply(dn, new Modification(ModificationType.REPLACE, attribute, values));
    }

    @Override
    public void delete(String dn) {
        try {
            connection.delete(dn);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot delete " + dn, e);
        }
    }

    @Override
    public void addMember(String groupDn, String userDn) {
        apply(groupDn, new Modification(ModificationType.ADD, "member", userDn));
    }

    @Override
    public void removeMember(String groupDn, String userDn) {
        apply(groupDn, new Modification(ModificationType.DELETE, "member", userDn));
    }

    /** The admin connection, for tests that need raw writes. */
    public LDAPConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            // slapd has no subtree-delete control: leaves first.
            // A child's DN is its parent's with one more RDN in front, so longest first deletes leaves first.
            List<String> dns = connection.search(root, SearchScope.SUB, "(objectClass=*)", "1.1").getSearchEntries()
                    .stream().map(SearchResultEntry::getDN).sorted(Comparator.comparingInt(String::length).reversed())
                    .toList();
            for (String dn : dns) {
                connection.delete(dn);
            }
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot remove the test subtree " + root, e);
        } finally {
            connection.close();
        }
    }

    private String moved(String dn) {
        return dn.substring(0, dn.length() - SUFFIX.length()) + root;
    }

    private Entry moved(Entry entry) {
        Entry copy = new Entry(moved(entry.getDN()));
        for (Attribute attribute : entry.getAttributes()) {
            boolean dnValued = attribute.getName().equalsIgnoreCase("member")
                    || attribute.getName().equalsIgnoreCase("manager");
            copy.addAttribute(dnValued
                    ? new Attribute(attribute.getName(), Stream.of(attribute.getValues()).map(this::moved).toList())
                    : attribute);
        }
        return copy;
    }

    private void add(Entry entry) {
        try {
            connection.add(entry);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot add " + entry.getDN(), e);
        }
    }

    private void apply(String dn, Modification modification) {
        try {
            connection.modify(dn, modification);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot modify " + dn, e);
        }
    }

    private static Entry organizationalUnit(String dn) {
        return new Entry(dn, List.of(new Attribute("objectClass", "top", "organizationalUnit"),
                new Attribute("ou", dn.substring(3, dn.indexOf(',')))));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
