package org.opensync.connectors.ldap;

/**
  * The directory answered but refused the request: bad credentials, a base DN that does not exist, missing rights, an
  * invalid filter. Retrying will not help until the settings change.
  */
public final class LdapConfigurationException extends LdapSourceException {

    LdapConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
