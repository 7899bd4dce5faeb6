package org.opensync.connectors.ldap;

class InMemoryFullReadTest extends LdapFullReadContract {

  @Override
  TestDirectory newDirectory() {
    return new InMemoryTestDirectory();
  }
}
