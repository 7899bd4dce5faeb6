package org.opensync.connectors.ldap;

import org.opensync.sandbox.directory.TestDirectory;
import org.opensync.sandbox.directory.SlapdTestDirectory;

class SlapdFullReadTest extends LdapFullReadContract {

    @Override
    TestDirectory newDirectory() {
        return new SlapdTestDirectory();
    }
}
