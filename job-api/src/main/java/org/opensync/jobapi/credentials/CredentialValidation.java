package org.opensync.jobapi.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opensync.common.web.GraphException;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.scim.ScimClient;
import org.opensync.jobapi.config.JobApiConfig;
import org.opensync.jobapi.synchronization.SecretEntry;
import org.opensync.jobapi.synchronization.SecretRequests;
import org.opensync.jobapi.synchronization.SecretsService;

/**
 * validateCredentials: connects to every system the credentials name, as the provisioning cycle would, and stores
 * nothing. A SCIM application ({@code BaseAddress}, {@code SecretToken}) must answer a query for a user whose
 * userName is a random GUID with an empty ListResponse; an LDAP directory ({@code Server}, {@code UserName},
 * {@code Password}, {@code Domain}) must accept the bind and show the base DN.
 */
@ApplicationScoped
public class CredentialValidation {
    private final SecretsService secrets;
    private final SystemConnections connections;
    private final JobApiConfig.Limits limits;

    @Inject
    public CredentialValidation(SecretsService secrets, SystemConnections connections, JobApiConfig config) {
        this.secrets = secrets;
        this.connections = connections;
        this.limits = config.limits();
    }

    /** The body's {@code credentials}, or the saved ones when {@code useSavedCredentials} is true. */
    public Map<String, String> credentials(UUID servicePrincipalId, JsonNode body) {
        JsonNode useSaved = body.get("useSavedCredentials");
        if (useSaved != null && !useSaved.isNull() && !useSaved.isBoolean()) {
            throw GraphException.badRequest("useSavedCredentials must be true or false.", "useSavedCredentials");
        }
        List<SecretEntry> entries;
        if (useSaved != null && useSaved.asBoolean()) {
            entries = secrets.read(servicePrincipalId);
            if (entries.isEmpty()) {
                throw GraphException.badRequest("No credentials are saved for this service principal; save them "
                        + "with PUT .../synchronization/secrets or send them in 'credentials'.", "useSavedCredentials");
            }
        } else {
            JsonNode given = body.get("credentials");
            if (given == null || given.isNull()) {
                throw GraphException.badRequest("Send the credentials to test in 'credentials', or set "
                        + "useSavedCredentials to true.", "credentials");
            }
            entries = SecretRequests.entries(given, "credentials", limits);
        }
        Map<String, String> values = new LinkedHashMap<>();
        entries.stream().filter(e -> e.value() != null).forEach(e -> values.put(e.key(), e.value()));
        return values;
    }

    /**
     * @throws GraphException 400 {@code CredentialValidationFailed} / {@code CredentialValidationUnavailable}, or
     *                        400 {@code invalidRequest} when the credentials name no system or an unusable one
     */
    public void validate(Map<String, String> credentials) {
        Optional<ScimClient> application = connections.application(credentials);
        Optional<LdapSettings> directory = connections.directory(credentials);
        if (application.isEmpty() && directory.isEmpty()) {
            throw GraphException.badRequest("The credentials name no system to test: give BaseAddress and "
                    + "SecretToken for the application, or Server, Domain, UserName and Password for the directory.",
                    "credentials");
        }
        directory.ifPresent(settings -> connections.withDirectory(settings, credentials, source -> true));
        application.ifPresent(scim -> connections.translated(() -> {
            scim.testConnection();
            return true;
        }, credentials));
    }
}
