package org.opensync.connectors.ldap;

class SlapdFullReadTest extends LdapFullReadContract {

  @Override
  TestDirectory newDirectory() {
    return new SlapdTestDirectory();
  }
}
