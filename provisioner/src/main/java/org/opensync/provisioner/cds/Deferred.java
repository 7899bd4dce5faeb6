package org.opensync.provisioner.cds;

/** Kinds of deferred work on an object. */
public enum Deferred {
    /** An export that failed and is retried with back-off. */
    ESCROW,
    /** A member or manager that was not linked yet when its object was exported. */
    REFERENCE,
    /** A disable or delete, held until the end of the cycle for the deletion threshold. */
    DEPROVISION
}
