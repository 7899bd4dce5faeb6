package org.opensync.connectors.scim;

/** Provisioning-log error codes (spec §7.3) a SCIM failure maps to. */
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
    SystemForCrossDomainIdentityManagementServiceIncompatible
}
