package org.opensync.common.secrets;

/** Secret material that cannot be opened; the message never contains the material itself. */
public class SecretUnavailableException extends RuntimeException {
    public SecretUnavailableException(String message) {
        super(message);
    }
}
