package org.opensync.connectors.ldap;

/**
  * Why a read failed, as one of three kinds the caller reacts to differently: retry later
  * ({@link LdapUnavailableException}), fix the settings ({@link LdapConfigurationException}) or start over with a full
  * read ({@link WatermarkUnusableException}).
  */
public abstract sealed class LdapSourceException extends RuntimeException
        permits LdapUnavailableException, LdapConfigurationException, WatermarkUnusableException {

    LdapSourceException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same read may succeed later without any change on our side. */
    public abstract boolean transientFailure();
}
