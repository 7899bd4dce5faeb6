package org.opensync.jobapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;

/**
 * A job's schema as schema-service holds it, read with the caller's token for {@code $expand=schema}. A job whose
 * schema is not created yet (schema-service has not consumed its JobCreated) shows none; a schema-service that cannot
 * answer makes the whole request 503 with Retry-After, rather than a job silently without its schema.
 */
@ApplicationScoped
public class JobSchemas {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final SchemaServiceClient schemaService;
    private final ObjectMapper mapper;

    @Inject
    public JobSchemas(SchemaServiceClient schemaService, ObjectMapper mapper) {
        this.schemaService = schemaService;
        this.mapper = mapper;
    }

    /** The schema without its {@code @odata.context}, or JSON null when the job has none yet. */
    public JsonNode of(String version, UUID servicePrincipalId, String jobId, URI clientRoot, HttpHeaders headers) {
        SchemaServiceClient.Answer answer = schemaService.send("GET", "/" + version + "/servicePrincipals/"
                + servicePrincipalId + "/synchronization/jobs/" + jobId + "/schema", clientRoot, headers, null);
        if (answer.status() == 404) {
            return mapper.nullNode();
        }
        if (answer.status() == 200) {
            try {
                if (mapper.readTree(answer.body()) instanceof ObjectNode schema) {
                    schema.remove("@odata.context");
                    return schema;
                }
            } catch (IOException e) {
                // reported below
            }
        }
        throw new GraphException(503, ErrorCode.UNAVAILABLE, "The schema of job '" + jobId + "' could not be read "
                + "for $expand=schema (schema service answered " + answer.status() + "); retry shortly.", null)
                .retryAfter(RETRY_AFTER);
    }
}
