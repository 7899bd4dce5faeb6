package org.opensync.connectors.ldap;

/** The directory could not be reached or did not answer in time; retrying later may succeed. */
public final class LdapUnavailableException extends LdapSourceException {

    LdapUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}
