package org.opensync.connectors.ldap;

/**
  * The watermark cannot start a delta read: it is corrupt, was made in another mode or for other types, or the
  * server refused its cookie. The caller must run a full read, which returns a fresh watermark.
  */
public final class WatermarkUnusableException extends LdapSourceException {

    WatermarkUnusableException(String reason, Throwable cause) {
        super("watermark unusable (" + reason + "): run a full read to get a new one", cause);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}
