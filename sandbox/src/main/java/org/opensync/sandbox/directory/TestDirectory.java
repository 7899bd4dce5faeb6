package org.opensync.sandbox.directory;

import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.GeneratedGroup;
import org.opensync.sandbox.ldap.GeneratedUser;

/**
  * A directory a test owns alone, laid out like the sandbox's ({@code ou=people}, {@code ou=groups}) below
  * {@link #baseDn()}, with the write operations delta tests need.
  */
public interface TestDirectory extends AutoCloseable {

    /** ldap:// URL of the server. */
    String url();

    /** A DN allowed to read and write the directory. */
    String bindDn();

    String password();

    /** This directory's own root; everything a test writes is below it. */
    String baseDn();

    /** Loads generated users and groups; DNs in member and manager values point into this directory. */
    TestDirectory load(DirectoryData data);

    String userDn(String uid);

    String groupDn(String cn);

    void addUser(GeneratedUser user);

    /** Adds a generated group; its member DNs point into this directory. */
    void addGroup(GeneratedGroup group);

    void modify(String dn, String attribute, String... values);

    void delete(String dn);

    void addMember(String groupDn, String userDn);

    void removeMember(String groupDn, String userDn);

    @Override
    void close();
}
