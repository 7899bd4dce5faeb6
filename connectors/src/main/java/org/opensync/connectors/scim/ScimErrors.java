package org.opensync.connectors.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Map;
import org.opensync.connectors.net.EgressDeniedException;

/** Builds {@link ScimException}s: HTTP statuses mapped to log error codes, transport and shape failures. */
final class ScimErrors {

    /** .NET HttpStatusCode names, as Entra's "StatusCode: …" log text shows them. */
    private static final Map<Integer, String> STATUS_NAMES = Map.ofEntries(Map.entry(400, "BadRequest"),
            Map.entry(401, "Unauthorized"), Map.entry(403, "Forbidden"), Map.entry(404, "NotFound"),
            Map.entry(405, "MethodNotAllowed"), Map.entry(409, "Conflict"), Map.entry(412, "PreconditionFailed"),
            Map.entry(413, "RequestEntityTooLarge"), Map.entry(422, "UnprocessableEntity"),
            Map.entry(429, "TooManyRequests"), Map.entry(500, "InternalServerError"), Map.entry(501, "NotImplemented"),
            Map.entry(502, "BadGateway"), Map.entry(503, "ServiceUnavailable"), Map.entry(504, "GatewayTimeout"));

    private ScimErrors() {
    }

    /**
      * @param repeated the previous attempt of the same request got the same 500 and body: the target fails on this
      *                 request every time, which is not worth more attempts
      */
    static ScimException fromStatus(ScimTransport.Kind kind, ScimTransport.Response response, Duration retryAfter,
                                    Duration maxRetryAfter, boolean repeated) {
        int status = response.status();
        String request = response.request();
        JsonNode error = parseQuietly(response.body());
        String detail = ResponseText.value(text(error, "detail"));
        String scimType = ResponseText.value(text(error, "scimType"));
        String body = ResponseText.forLog(response.body(), response.contentType());
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
                + (body == null || body.isEmpty() ? "" : ". Web Response: " + body) + "."
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

    /**
      * The egress policy refused the target before anything was sent. Transient for the object (the name may resolve
      * elsewhere later), and concerning the whole target.
      */
    static ScimException egressDenied(String request, EgressDeniedException refusal) {
        return new ScimException(ScimErrorCode.EgressDenied, 0, null, refusal.getMessage(), null, true, false, null, 1,
                refusal.getMessage() + " (" + request + ").", refusal);
    }

    /** The target answered, but not what a SCIM service provider answers. */
    static ScimException incompatible(ScimTransport.Response response, String reason) {
        return content(ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible, response, reason);
    }

    /** The same, about what several answers add up to (no one body to show). */
    static ScimException incompatible(String request, int status, String reason) {
        return content(ScimErrorCode.SystemForCrossDomainIdentityManagementServiceIncompatible, request, status, null,
                reason);
    }

    static ScimException content(ScimErrorCode code, ScimTransport.Response response, String reason) {
        return content(code, response.request(), response.status(),
                ResponseText.forLog(response.body(), response.contentType()), reason);
    }

    /** @param body already made fit for logs ({@link ResponseText}) */
    static ScimException content(ScimErrorCode code, String request, int status, String body, String reason) {
        return new ScimException(code, status, null, reason, body, false, false, null, 1,
                code + " on " + request + " (HTTP " + status + "): " + reason
                        + (body == null || body.isEmpty() ? "" : ". Web Response: " + body) + ".", null);
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
}
