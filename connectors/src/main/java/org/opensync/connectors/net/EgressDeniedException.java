package org.opensync.connectors.net;

/**
  * The egress policy refused a destination: the tenant pointed a job at an address the platform must not reach
  * (loopback, link-local, a cloud metadata host, one of the platform's own ports). Retrying does not help until the
  * job's secrets or the policy change. A {@link SecurityException}, so that it passes unchanged through name
  * resolution hooks that may only throw that.
  */
public final class EgressDeniedException extends SecurityException {

    EgressDeniedException(String message) {
        super(message);
    }

    /** The refusal behind {@code failure}, when one is in its cause chain. */
    public static EgressDeniedException in(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EgressDeniedException denied) {
                return denied;
            }
            if (cause.getCause() == cause) {
                return null;
            }
        }
        return null;
    }
}
