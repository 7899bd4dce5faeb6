package org.opensync.common.events;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * JSON encoding of events. It has its own mapper so the wire format does not change with a service's Jackson
 * settings: ISO-8601 instants and durations, unknown properties ignored (additive changes keep the version).
 */
public final class EventCodec {
    /** The highest payload version this build understands. */
    public static final int SUPPORTED_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    public static String encode(Event event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + event.type(), e);
        }
    }

    /**
     * Decodes a payload of the given contract. It is bound straight from the text, after a scan of the top-level
     * fields for the version: every consumer decodes every record, and going through a tree first cost twice as much.
     *
     * @throws UnreadableEventException when the value is not JSON, not of this contract, or of a newer version
     */
    public static <T extends Event> T decode(String json, Class<T> contract) {
        return decode(json, contract, null);
    }

    /**
     * As {@link #decode(String, Class)}, with the version the record declares beside the payload (its
     * {@link EventHeaders#EVENT_VERSION} header, set from the same event as the payload), which spares the scan.
     *
     * @param declaredVersion null to read the version from the payload
     */
    public static <T extends Event> T decode(String json, Class<T> contract, Integer declaredVersion) {
        if (json == null) {
            throw new UnreadableEventException("the record has no value");
        }
        try {
            int version = declaredVersion == null ? version(json) : declaredVersion;
            if (version > SUPPORTED_VERSION) {
                throw new UnreadableEventException("payload version " + version + " is newer than the supported "
                        + SUPPORTED_VERSION);
            }
            return MAPPER.readValue(json, contract);
        } catch (JsonProcessingException e) {
            throw new UnreadableEventException("not a valid " + contract.getSimpleName() + ": " + describe(e));
        } catch (IOException | IllegalArgumentException e) {
            throw new UnreadableEventException("not a valid " + contract.getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * The payload's top-level {@code version} read as a number (a numeric string counts; absent or anything else is
     * version 1), without building the document: nested values are skipped as they are tokenized.
     */
    static int version(String json) throws IOException {
        try (JsonParser parser = MAPPER.getFactory().createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return 1; // not an object: binding says what is wrong with it
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if ("version".equals(name)) {
                    return parser.getValueAsInt(1);
                }
                parser.skipChildren();
            }
            return 1;
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static String describe(Exception e) {
        return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    }
}
