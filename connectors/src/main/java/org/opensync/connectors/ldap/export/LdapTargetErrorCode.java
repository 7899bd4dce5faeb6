package org.opensync.connectors.ldap.export;

/**
  * Provisioning-log error codes an LDAP write or lookup failure maps to: one per LDAP result code the engine can
  * explain to a tenant, plus {@link #DuplicateTargetEntries}, {@link #EgressDenied} and {@link #Other} of our own.
  */
public enum LdapTargetErrorCode {
    ConstraintViolation,
    AttributeOrValueExists,
    NoSuchObject,
    NoSuchAttribute,
    InsufficientAccessRights,
    EntryAlreadyExists,
    ObjectClassViolation,
    InvalidAttributeSyntax,
    UndefinedAttributeType,
    NamingViolation,
    InvalidDnSyntax,
    NotAllowedOnNonLeaf,
    NotAllowedOnRdn,
    UnwillingToPerform,
    InvalidCredentials,
    /** The directory refuses the operation over an unencrypted connection, or we refuse to send a password over one. */
    ConfidentialityRequired,
    /** The server is down, busy or unreachable: retried (escrow). */
    ServiceUnavailable,
    /** No answer in time: retried (escrow). */
    Timeout,
    /** More than one target entry has the matching value: nothing is written. */
    DuplicateTargetEntries,
    /** The platform's egress policy refused the directory: nothing was sent. */
    EgressDenied,
    /** TLS trust or settings that cannot work until the tenant changes them. */
    ConfigurationError,
    /** Any other result code; the exception names it. */
    Other
}
