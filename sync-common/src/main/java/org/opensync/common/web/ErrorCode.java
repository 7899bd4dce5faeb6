package org.opensync.common.web;

/**
 * Kinds of error, each with the code Graph uses on synchronization routes and the Entra directory code it uses on
 * directory-object routes ({@code /servicePrincipals}, {@code /applications}).
 */
public enum ErrorCode {
    INVALID_REQUEST("invalidRequest", "Request_BadRequest"),
    UNSUPPORTED_QUERY("invalidRequest", "Request_UnsupportedQuery"),
    NOT_FOUND("itemNotFound", "Request_ResourceNotFound"),
    CONFLICT("conflict", "Request_MultipleObjectsWithSameKeyValue"),
    /** 409: an entity with the id or name the client chose exists (a template id). */
    NAME_ALREADY_EXISTS("nameAlreadyExists", "Request_MultipleObjectsWithSameKeyValue"),
    /** A concurrent change won (optimistic version check, serialization failure); the client may retry. */
    CONCURRENT_CHANGE("conflict", "Request_ConcurrentModification"),
    /** 413: the body exceeds {@code quarkus.http.limits.max-body-size} (no Graph code documented). */
    PAYLOAD_TOO_LARGE("requestEntityTooLarge", "Request_EntityTooLarge"),
    UNAUTHENTICATED("InvalidAuthenticationToken", "InvalidAuthenticationToken"),
    ACCESS_DENIED("accessDenied", "Authorization_RequestDenied"),
    METHOD_NOT_ALLOWED("notAllowed", "Request_BadRequest"),
    UNSUPPORTED_MEDIA_TYPE("notSupported", "Request_BadRequest"),
    NOT_ACCEPTABLE("notSupported", "Request_BadRequest"),
    TOO_MANY_REQUESTS("activityLimitReached", "Request_ThrottledTemporarily"),
    UNAVAILABLE("serviceNotAvailable", "Service_ServiceUnavailable"),
    /** 400 from validateCredentials and discover: the system refused the credentials or the TLS handshake. */
    CREDENTIAL_VALIDATION_FAILED("CredentialValidationFailed", "CredentialValidationFailed"),
    /** 400 from validateCredentials and discover: the system could not be reached, or egress to it is refused. */
    CREDENTIAL_VALIDATION_UNAVAILABLE("CredentialValidationUnavailable", "CredentialValidationUnavailable"),
    /** 409: saved secrets were sealed with a key that is no longer configured; they must be entered again. */
    SECRETS_UNREADABLE("CredentialsUnreadable", "CredentialsUnreadable"),
    INTERNAL("generalException", "Service_InternalServerError");

    private final String synchronizationCode;
    private final String directoryCode;

    ErrorCode(String synchronizationCode, String directoryCode) {
        this.synchronizationCode = synchronizationCode;
        this.directoryCode = directoryCode;
    }

    public String codeFor(String path) {
        return GraphRoutes.isDirectoryRoute(path) ? directoryCode : synchronizationCode;
    }
}
