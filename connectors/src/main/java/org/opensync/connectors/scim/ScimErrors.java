package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;

/** Builds {@link ScimException}s: HTTP statuses mapped to log error codes (spec §5.6), transport and shape failures. */
final class ScimErrors {

    /** .NET HttpStatusCode names, as Entra's "StatusCode: …" log text shows them. */
    private static final Map<Integer, String> STATUS_NAMES = Map.ofEntries(Map.entry(400, "BadRequest"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "NotFound"),
            Map.entry(405, "MethodNotAllowed"), Map.entry(409, "Conflict"), Map.entry(412, "PreconditionFailed"),
            Map.entry(413, "RequestEntityTooLarge"), Map.entry(422, "UnprocessableEntity"),
            Map.entry(429, "TooManyRequests"), Map.entry(500, "InternalServerError"), Map.entry(501, "NotImplemented"),
            Map.entry(502, "BadGateway"), Map.entry(503, "ServiceUnavailable"), Map.entry(504, "GatewayTimeout"));
    private static final int MAX_BODY_IN_MESSAGE = 1_000;

    private ScimErrors() {
    }

    /**
      * @param repeated the previous attempt of the same request got the same 500 and body: the target fails on this
      *                 request every time, which is not worth more attempts
      */
    static ScimException fromStatus(ScimTransport.Kind kind, String request, int status, String body,
                                    Duration retryAfter, Duration maxRetryAfter, boolean repeated) {
        JsonNode error = parseQuietly(body);
        String detail = text(error, "detail");
        String scimType = text(error, "scimType");
        ScimErrorCode code = code(kind, status, scimType);
        boolean transientFailure = status == 429 || status == 503 || (status >= 500 && status != 501 && !repeated);
        boolean waitable = retryAfter == null || retryAfter.compareTo(maxRetryAfter) <= 0;
        boolean retryable = switch (status) {
            case 429, 503 -> waitable;
            case 501 -> false;
            default -> transientFailure && kind.idempotent();
        };
        String message = "StatusCode: " + STATUS_NAMES.getOrDefault(status, String.valueOf(status)) + " (" + status
                + ") on " + request + ": " + code
                + (detail == null ? "" : "; detail: " + detail) + (scimType == null ? "" : "; scimType: " + scimType)
                + (retryAfter == null ? "" : "; Retry-After " + retryAfter.toSeconds() + " s")
                + (body == null || body.isEmpty() ? "" : ". Web Response: " + abbreviate(body)) + "."
                + (repeated ? " The target gave the same answer to a repeated request, so it is not retried." : "");
        return new ScimException(code, status, scimType, detail == null ? "HTTP " + status : detail, body,
                transientFailure, retryable, retryAfter, 1, message, null);
    }

    /** No response arrived. {@code retryable} only when the request cannot have been processed, or repeating is safe. */
    static ScimException transport(ScimErrorCode code, String request, Throwable cause, boolean retryable) {
        String detail = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        return new ScimException(code, 0, null, detail, null, true, retryable, null, 1,
                code + " on " + request + ": " + detail + ".", cause);
    }

    /** The target answered, but not what a SCIM service provider answers. */
    static ScimException incompatible(String request, int status, String body, String reason) {
        return content(ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible, request, status, body,
                reason);
    }

    static ScimException content(ScimErrorCode code, String request, int status, String body, String reason) {
        return new ScimException(code, status, null, reason, body, false, false, null, 1,
                code + " on " + request + " (HTTP " + status + "): " + reason
                        + (body == null || body.isEmpty() ? "" : ". Web Response: " + abbreviate(body)) + ".", null);
    }

    private static ScimErrorCode code(ScimTransport.Kind kind, int status, String scimType) {
        return switch (status) {
            case 400 -> "invalidPath".equalsIgnoreCase(scimType) || "noTarget".equalsIgnoreCase(scimType)
                    ? ScimErrorCode.SchemaAttributeNotFound
                    : ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible;
            case 401 -> ScimErrorCode.Unauthorized;
            case 403 -> ScimErrorCode.InsufficientRights;
            case 404 -> kind == ScimTransport.Kind.READ || kind == ScimTransport.Kind.UPDATE ? ScimErrorCode.InvalidAnchor
                    : ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible;
            case 405 -> ScimErrorCode.MethodNotAllowed;
            case 409 -> ScimErrorCode.EntryConflict;
            case 422 -> ScimErrorCode.UnprocessableEntity;
            case 429 -> ScimErrorCode.TooManyRequests;
            case 501 -> ScimErrorCode.NotImplemented;
            default -> status >= 500 ? ScimErrorCode.InternalServerError
                    : ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible;
        };
    }

    private static JsonNode parseQuietly(String body) {
        try {
            return body == null || body.isBlank() ? null : ScimValues.JSON.readTree(body);
        } catch (Exception notJson) {
            return null;
        }
    }

    private static String text(JsonNode error, String field) {
        JsonNode value = ScimValues.field(error, field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String abbreviate(String body) {
        return body.length() <= MAX_BODY_IN_MESSAGE ? body : body.substring(0, MAX_BODY_IN_MESSAGE) + "…";
    }
}
