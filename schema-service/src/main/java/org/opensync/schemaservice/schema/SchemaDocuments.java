package org.opensync.schemaservice.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.common.web.JsonPaths;
import org.opensync.mapping.model.SynchronizationSchema;
import org.opensync.schemaservice.config.SchemaServiceConfig;

/**
 * What every schema write goes through, whether the schema is a job's or a template's: only the client's
 * properties are kept, sizes are limited, the document must read as a synchronizationSchema the engine can run, and
 * the stored result gets a new {@code version}.
 */
@ApplicationScoped
public class SchemaDocuments {
    /** What a client may change; {@code id} and {@code version} belong to the server. */
    private static final Set<String> WRITABLE = Set.of("directories", "synchronizationRules");
    private static final String VERSION_PREFIX = "date:";
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ObjectMapper mapper;
    private final SchemaValidator validator;
    private final SchemaLimits limits;

    @Inject
    public SchemaDocuments(ObjectMapper mapper, SchemaValidator validator, SchemaServiceConfig config) {
        this.mapper = mapper;
        this.validator = validator;
        this.limits = new SchemaLimits(config.limits(), mapper);
    }

    /** The writable properties of a PUT or PATCH body; 400 unless it is a JSON object. */
    public ObjectNode changes(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw GraphException.badRequest("The request body must be a synchronizationSchema object.");
        }
        ObjectNode copy = body.deepCopy();
        copy.retain(WRITABLE);
        limits.check(copy);
        return copy;
    }

    /** The stored schema with the top-level properties of {@code changes} replacing its own (PATCH). */
    public static ObjectNode merged(JsonNode stored, ObjectNode changes) {
        ObjectNode merged = stored.deepCopy();
        merged.setAll(changes);
        return merged;
    }

    /** Checks a complete schema document and reads it; 400 naming the JSON path of the first problem. */
    public SynchronizationSchema accepted(ObjectNode schema) {
        ObjectNode writable = schema.deepCopy();
        writable.retain(WRITABLE);
        limits.check(writable);
        SynchronizationSchema read;
        try {
            read = mapper.treeToValue(writable, SynchronizationSchema.class);
        } catch (JsonMappingException e) {
            String path = JsonPaths.of(e);
            throw GraphException.badRequest("Invalid value at '" + path + "': " + e.getOriginalMessage(), path);
        } catch (JsonProcessingException e) {
            throw GraphException.badRequest("The schema cannot be read: " + e.getOriginalMessage());
        }
        validator.validate(read);
        return read;
    }

    /** Checks the sizes of any other document a schema travels in (a template); 400 naming the path. */
    public void checkSizes(JsonNode document) {
        limits.check(document);
    }

    /** Checks an expression sent to parseExpression against the same limit as a schema's expressions. */
    public void checkExpression(String expression) {
        limits.checkExpression(expression, "expression");
    }

    /** {@code schema} as stored: with the owner's id and {@code version}. */
    public ObjectNode stored(String id, SynchronizationSchema schema, String version) {
        return mapper.valueToTree(new SynchronizationSchema(id, schema.directories(), schema.synchronizationRules(),
                version));
    }

    public SynchronizationSchema read(JsonNode stored) {
        try {
            return mapper.treeToValue(stored, SynchronizationSchema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored schema is unreadable", e);
        }
    }

    /**
     * A conditional write ({@code If-Match}) goes ahead only on the version it names: a writer that read, changed
     * and writes back a schema does not overwrite a change stored in between. No header or {@code *} writes any
     * version; the version may be quoted as an entity tag.
     */
    public static void requireVersion(String ifMatch, String current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String expected = ifMatch.trim();
        if (expected.length() >= 2 && expected.startsWith("\"") && expected.endsWith("\"")) {
            expected = expected.substring(1, expected.length() - 1);
        }
        if (!expected.equals(current)) {
            throw new GraphException(412, ErrorCode.CONCURRENT_CHANGE, "The schema changed since version '"
                    + expected + "' was read; it is now at version '" + current + "'. Read it again and apply the "
                    + "change to that.", "If-Match");
        }
    }

    public static String version(Instant time) {
        return VERSION_PREFIX + VERSION_TIME.format(time);
    }

    /**
     * The time of the next version ({@code date:} and the UTC time to the millisecond, fixed width): later than the
     * previous one's even when the clock is not, so versions of one schema order as text and as time in commit
     * order and a mirror can tell a newer schema from an older one.
     */
    public static Instant nextVersionTime(String previousVersion) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (previousVersion == null || !previousVersion.startsWith(VERSION_PREFIX)) {
            return now;
        }
        try {
            Instant previous = Instant.parse(previousVersion.substring(VERSION_PREFIX.length()));
            return now.isAfter(previous) ? now : previous.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        } catch (DateTimeParseException e) {
            return now;
        }
    }
}
