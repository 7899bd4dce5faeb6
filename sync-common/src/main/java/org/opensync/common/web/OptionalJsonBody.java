package org.opensync.common.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;

/**
 * Reads the body of an action whose body may be omitted entirely (Graph SDKs and curl send none, without a
 * Content-Type). A body that is present must be JSON.
 */
public final class OptionalJsonBody {
    private OptionalJsonBody() {
    }

    /**
     * @return the parsed body, or null when there is none
     * @throws NotSupportedException   when a body is sent with another media type (415)
     * @throws JsonProcessingException when the body is not JSON (400)
     */
    public static JsonNode read(String contentType, String body, ObjectMapper mapper) throws JsonProcessingException {
        if (body == null || body.isBlank()) {
            return null;
        }
        if (!isJson(contentType)) {
            throw new NotSupportedException();
        }
        return mapper.readTree(body);
    }

    private static boolean isJson(String contentType) {
        try {
            return contentType != null && MediaType.valueOf(contentType).isCompatible(MediaType.APPLICATION_JSON_TYPE);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
