package org.opensync.sandbox.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.OperationType;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
  * An UnboundID in-memory LDAP server laid out like a small company directory. The helper methods go through the
  * server's request handler, so they stamp modifyTimestamp and write cn=changelog exactly as a client's request
  * would: tests can change the directory and watch a connector pick the change up.
  */
public final class LdapDirectory implements AutoCloseable {

    public static final String DEFAULT_BIND_DN = "cn=admin," + DirectoryLayout.BASE_DN;
    public static final String DEFAULT_PASSWORD = "admin";
    public static final int DEFAULT_CHANGELOG_ENTRIES = 100_000;

    private final InMemoryDirectoryServer server;
    private final String bindAddress;
    private final String bindDn;
    private final String password;

    /** A directory on 127.0.0.1, an ephemeral port and the default credentials. */
    public LdapDirectory() {
        this("127.0.0.1", 0, DEFAULT_BIND_DN, DEFAULT_PASSWORD);
    }

    public LdapDirectory(String bindAddress, int port, String bindDn, String password) {
        this.bindAddress = bindAddress;
        this.bindDn = bindDn;
        this.password = password;
        try {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(DirectoryLayout.BASE_DN);
            config.setListenerConfigs(
                    InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getByName(bindAddress), port, null));
            config.addAdditionalBindCredentials(bindDn, password);
            config.setGenerateOperationalAttributes(true);
            config.setMaxChangeLogEntries(DEFAULT_CHANGELOG_ENTRIES);
            // Reads stay anonymous (the root DSE must be, and the slapd benchmark peer grants "by * read"); writes need
            // the bind DN, so a client that forgets to bind fails as it would against a real directory.
            config.setAuthenticationRequiredOperationTypes(OperationType.ADD, OperationType.DELETE, OperationType.MODIFY,
                    OperationType.MODIFY_DN);
            // What connectors look entries up by. Not objectClass: every person shares it, and its posting lists make
            // each add markedly slower at 100k entries.
            config.setEqualityIndexAttributes("uid", "member", "entryUUID");
            this.server = new InMemoryDirectoryServer(config);
        } catch (LDAPException | UnknownHostException e) {
            throw new IllegalStateException("cannot configure the in-memory directory", e);
        }
        DirectoryLayout.containerEntries().forEach(this::add);
    }

    public LdapDirectory start() {
        try {
            server.startListening();
            return this;
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot listen on " + bindAddress, e);
        }
    }

    /** Adds every generated user and group in one call (fast: no per-entry network round trip). */
    public LdapDirectory load(DirectoryData data) {
        data.users().forEach(user -> add(user.toEntry()));
        data.groups().forEach(group -> add(group.toEntry()));
        return this;
    }

    public int port() {
        return server.getListenPort();
    }

    public String url() {
        return "ldap://" + bindAddress + ":" + port();
    }

    public String bindDn() {
        return bindDn;
    }

    public String password() {
        return password;
    }

    public String baseDn() {
        return DirectoryLayout.BASE_DN;
    }

    /** A new connection bound as the administrator; the caller closes it. */
    public LDAPConnection connect() {
        try {
            return new LDAPConnection(bindAddress, port(), bindDn, password);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot connect to " + url(), e);
        }
    }

    public String addUser(GeneratedUser user) {
        add(user.toEntry());
        return user.dn();
    }

    /** A minimal inetOrgPerson; set further attributes with {@link #modify}. */
    public String addUser(String uid, String givenName, String surname) {
        String dn = DirectoryLayout.userDn(uid);
        add(new Entry(dn, List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
                new Attribute("uid", uid),
                new Attribute("cn", givenName + " " + surname),
                new Attribute("givenName", givenName),
                new Attribute("sn", surname))));
        return dn;
    }

    public String addGroup(String cn, String description, List<String> memberDns) {
        String dn = DirectoryLayout.groupDn(cn);
        add(new Entry(dn, List.of(
                new Attribute("objectClass", "top", "groupOfNames"),
                new Attribute("cn", cn),
                new Attribute("description", description),
                new Attribute("member", memberDns))));
        return dn;
    }

    /** Replaces all values of {@code attribute}; no values removes the attribute. */
    public void modify(String dn, String attribute, String... values) {
        apply(dn, new Modification(ModificationType.REPLACE, attribute, values));
    }

    public void delete(String dn) {
        try {
            server.delete(dn);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot delete " + dn, e);
        }
    }

    public void addMember(String groupDn, String userDn) {
        apply(groupDn, new Modification(ModificationType.ADD, "member", userDn));
    }

    public void removeMember(String groupDn, String userDn) {
        apply(groupDn, new Modification(ModificationType.DELETE, "member", userDn));
    }

    /** The entry with user and operational attributes, or null when absent. */
    public Entry entry(String dn) {
        try {
            return server.getEntry(dn, "*", "+");
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot read " + dn, e);
        }
    }

    public void stop() {
        server.shutDown(true);
    }

    @Override
    public void close() {
        stop();
    }

    private void add(Entry entry) {
        try {
            server.add(entry);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot add " + entry.getDN(), e);
        }
    }

    private void apply(String dn, Modification modification) {
        try {
            server.modify(dn, modification);
        } catch (LDAPException e) {
            throw new IllegalStateException("cannot modify " + dn, e);
        }
    }
}
