package org.opensync.connectors.ldap;

import org.opensync.sandbox.directory.TestDirectory;
import org.opensync.sandbox.directory.InMemoryTestDirectory;

class InMemoryFullReadTest extends LdapFullReadContract {

    @Override
    TestDirectory newDirectory() {
        return new InMemoryTestDirectory();
    }
}
