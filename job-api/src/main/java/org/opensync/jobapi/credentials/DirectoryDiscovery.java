package org.opensync.jobapi.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.schema.DiscoveredObject;
import org.opensync.connectors.scim.ScimClient;
import org.opensync.jobapi.schema.SchemaServiceClient;
import org.opensync.jobapi.synchronization.SecretsService;

/**
 * discover: reads the schema of the system behind one directory of a job with the saved secrets (the directory that
 * rules read from is the LDAP source, the one they write to the SCIM application), folds it into the job's schema
 * ({@link DirectoryMerge}) and stores the result through schema-service, as a PUT of the schema would.
 */
@ApplicationScoped
public class DirectoryDiscovery {
    /** Reading and writing back takes a few milliseconds: more conflicts than this mean a busy writer, not bad luck. */
    private static final int MERGE_ATTEMPTS = 3;

    /** The result, or schema-service's own answer when it refused to read or store the schema. */
    public record Outcome(ObjectNode directory, SchemaServiceClient.Answer refusal) {
    }

    private final SchemaServiceClient schemaService;
    private final SecretsService secrets;
    private final SystemConnections connections;
    private final ObjectMapper mapper;

    @Inject
    public DirectoryDiscovery(SchemaServiceClient schemaService, SecretsService secrets,
                              SystemConnections connections, ObjectMapper mapper) {
        this.schemaService = schemaService;
        this.secrets = secrets;
        this.connections = connections;
        this.mapper = mapper;
    }

    /**
     * The system is read once; its objects are then merged into the schema as last read and written back only over
     * that version. When another write of the schema came in between, the merge is done again on the new version, a
     * bounded number of times, so that discover never overwrites a concurrent edit.
     *
     * @param schemaPath the job's schema route at schema-service ({@code /beta/servicePrincipals/…/schema})
     */
    public Outcome discover(UUID servicePrincipalId, String schemaPath, String directoryId, URI clientRoot,
                            HttpHeaders headers) {
        List<DiscoveredObject> objects = null;
        for (int attempt = 1; attempt <= MERGE_ATTEMPTS; attempt++) {
            SchemaServiceClient.Answer read = schemaService.send("GET", schemaPath, clientRoot, headers, null);
            if (read.status() != 200) {
                return new Outcome(null, read);
            }
            ObjectNode schema = parse(read.body());
            schema.remove("@odata.context");
            String version = schema.path("version").asText();
            ObjectNode directory = directory(schema, directoryId);
            if (objects == null) {
                objects = read(schema, directory, values(servicePrincipalId));
            }
            DirectoryMerge.merge(schema, directory, objects, Instant.now(), UUID.randomUUID().toString());
            SchemaServiceClient.Answer stored;
            try {
                stored = schemaService.sendJson("PUT", schemaPath, clientRoot, headers,
                        mapper.writeValueAsBytes(schema), version);
            } catch (IOException e) {
                throw new IllegalStateException("a parsed schema is writable", e);
            }
            if (stored.status() != 412) {
                return stored.status() / 100 == 2 ? new Outcome(directory, null) : new Outcome(null, stored);
            }
        }
        throw new GraphException(409, ErrorCode.CONCURRENT_CHANGE, "The job's schema was changed by other requests "
                + "each time discover merged into it (" + MERGE_ATTEMPTS + " attempts); retry when the edits are done.",
                null);
    }

    private List<DiscoveredObject> read(JsonNode schema, ObjectNode directory, Map<String, String> values) {
        String name = directory.path("name").asText();
        boolean source = false;
        boolean target = false;
        for (JsonNode rule : schema.path("synchronizationRules")) {
            source |= name.equals(rule.path("sourceDirectoryName").asText());
            target |= name.equals(rule.path("targetDirectoryName").asText());
        }
        if (target) {
            ScimClient application = connections.application(values).orElseThrow(() -> GraphException.badRequest(
                    "Directory '" + name + "' is the application: save its BaseAddress and SecretToken first."));
            return connections.translated(application::readSchema, values);
        }
        if (source) {
            LdapSettings settings = connections.directory(values).orElseThrow(() -> GraphException.badRequest(
                    "Directory '" + name + "' is the LDAP directory: save its Server, Domain, UserName and Password "
                            + "first."));
            Map<String, List<String>> classes = objectClasses(directory);
            return connections.withDirectory(settings, values, ldap -> ldap.discoverObjects(classes));
        }
        throw GraphException.badRequest("Directory '" + name + "' is not read or written by any synchronization rule "
                + "of this job, so no connector can discover it.");
    }

    /** Each object's LDAP object classes: its BaseObjectName metadata (comma-separated), else its name. */
    static Map<String, List<String>> objectClasses(JsonNode directory) {
        Map<String, List<String>> classes = new LinkedHashMap<>();
        for (JsonNode object : directory.path("objects")) {
            List<String> names = new ArrayList<>();
            for (JsonNode entry : object.path("metadata")) {
                if ("BaseObjectName".equals(entry.path("key").asText())) {
                    for (String name : entry.path("value").asText().split(",")) {
                        if (!name.isBlank()) {
                            names.add(name.trim());
                        }
                    }
                }
            }
            String objectName = object.path("name").asText();
            classes.put(objectName, names.isEmpty() ? List.of(objectName) : names);
        }
        return classes;
    }

    private static ObjectNode directory(JsonNode schema, String directoryId) {
        for (JsonNode directory : schema.path("directories")) {
            if (directoryId.equals(directory.path("id").asText()) && directory.isObject()) {
                return (ObjectNode) directory;
            }
        }
        throw GraphException.notFound("The directory '" + directoryId + "' is not part of this job's schema.");
    }

    private Map<String, String> values(UUID servicePrincipalId) {
        Map<String, String> values = new LinkedHashMap<>();
        secrets.read(servicePrincipalId).stream().filter(e -> e.value() != null)
                .forEach(e -> values.put(e.key(), e.value()));
        if (values.isEmpty()) {
            throw GraphException.badRequest("No credentials are saved for this service principal; discover connects "
                    + "with the saved ones (PUT .../synchronization/secrets).");
        }
        return values;
    }

    private ObjectNode parse(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node instanceof ObjectNode object) {
                return object;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new GraphException(503, ErrorCode.UNAVAILABLE, "The schema service answered something other than a "
                + "schema; retry shortly.", null);
    }
}
