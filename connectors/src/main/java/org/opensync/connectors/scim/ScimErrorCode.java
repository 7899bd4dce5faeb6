package org.opensync.connectors.scim;

/** Provisioning-log error codes a SCIM failure maps to: Entra's, and {@link #EgressDenied} of our own. */
public enum ScimErrorCode {
    Unauthorized,
    InsufficientRights,
    MethodNotAllowed,
    EntryConflict,
    InvalidAnchor,
    UnprocessableEntity,
    SchemaAttributeNotFound,
    TooManyRequests,
    InternalServerError,
    NotImplemented,
    Timeout,
    WebExceptionProtocolError,
    DuplicateTargetEntries,
    SystemForCrossDomainIdentityManagementMultipleEntriesInResponse,
    SystemForCrossDomainIdentityManagementServiceIncompatible,
    /** The platform's egress policy refused the tenant URL (sync.egress): nothing was sent. */
    EgressDenied
}
