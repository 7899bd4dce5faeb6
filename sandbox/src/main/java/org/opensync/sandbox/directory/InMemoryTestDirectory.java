package org.opensync.sandbox.directory;

import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryLayout;
import org.opensync.sandbox.ldap.GeneratedGroup;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.sandbox.ldap.LdapDirectory;


/** The sandbox's UnboundID in-memory server: no RFC 4533, so every read takes the timestamp path. */
public final class InMemoryTestDirectory implements TestDirectory {

    private final LdapDirectory directory = new LdapDirectory();

    public InMemoryTestDirectory() {
        directory.start();
    }

    @Override
    public String url() {
        return directory.url();
    }

    @Override
    public String bindDn() {
        return directory.bindDn();
    }

    @Override
    public String password() {
        return directory.password();
    }

    @Override
    public String baseDn() {
        return directory.baseDn();
    }

    @Override
    public TestDirectory load(DirectoryData data) {
        directory.load(data);
        return this;
    }

    @Override
    public String userDn(String uid) {
        return DirectoryLayout.userDn(uid);
    }

    @Override
    public String groupDn(String cn) {
        return DirectoryLayout.groupDn(cn);
    }

    @Override
    public void addUser(GeneratedUser user) {
        directory.addUser(user);
    }

    @Override
    public void addGroup(GeneratedGroup group) {
        directory.addGroup(group.cn(), group.description(), group.memberDns());
    }

    @Override
    public void modify(String dn, String attribute, String... values) {
        directory.modify(dn, attribute, values);
    }

    @Override
    public void delete(String dn) {
        directory.delete(dn);
    }

    @Override
    public void addMember(String groupDn, String userDn) {
        directory.addMember(groupDn, userDn);
    }

    @Override
    public void removeMember(String groupDn, String userDn) {
        directory.removeMember(groupDn, userDn);
    }

    @Override
    public void close() {
        directory.close();
    }
}
