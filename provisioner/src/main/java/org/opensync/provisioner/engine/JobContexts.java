package org.opensync.provisioner.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.opensync.common.egress.EgressConfig;
import org.opensync.common.mirror.MirrorWait;
import org.opensync.common.mirror.SchemaMirror;
import org.opensync.common.mirror.SecretsMirror;
import org.opensync.common.secrets.SecretUnavailableException;
import org.opensync.connectors.ldap.LdapSecrets;
import org.opensync.connectors.net.EgressDeniedException;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.connectors.net.PemTrust;
import org.opensync.connectors.scim.OAuthClientCredentials;
import org.opensync.connectors.scim.ScimClient;
import org.opensync.connectors.scim.ScimResourceType;
import org.opensync.connectors.scim.ScimSettings;
import org.opensync.mapping.apply.CompiledObjectMapping;
import org.opensync.mapping.apply.InvalidMappingException;
import org.opensync.mapping.apply.MappingOptions;
import org.opensync.mapping.model.DirectoryDefinition;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectMapping;
import org.opensync.mapping.model.SynchronizationRule;
import org.opensync.mapping.model.SynchronizationSchema;
import org.opensync.provisioner.ProvisionerConfig;

/**
 * Builds each job's {@link JobContext} from the mirrored schema and secrets, and rebuilds it only when one of them
 * changed: compiling mappings and opening an HTTP client per object would waste most of the time.
 */
@ApplicationScoped
public class JobContexts {
    private static final int DEFAULT_DELETE_THRESHOLD = 500;

    private final SchemaMirror schemas;
    private final SecretsMirror secrets;
    private final ObjectMapper mapper;
    private final ProvisionerConfig config;
    private final EgressPolicy egress;
    private final Map<String, JobContext> cache = new ConcurrentHashMap<>();

    @Inject
    public JobContexts(SchemaMirror schemas, SecretsMirror secrets, ObjectMapper mapper, ProvisionerConfig config,
                       EgressConfig egress) {
        this.schemas = schemas;
        this.secrets = secrets;
        this.mapper = mapper;
        this.config = config;
        this.egress = EgressPolicy.of(new EgressSettings(egress.allowLoopback(), egress.allowPrivate(),
                egress.deniedPorts(), egress.deniedHosts().orElse(List.of())));
    }

    /**
     * @param issued when the work that needs the context was issued: the job's schema and secrets may still be on
     *               their way, for a bounded time after it
     */
    public JobContext get(String jobId, Instant issued) {
        SchemaMirror.MirroredSchema schema = MirrorWait.until(() -> schemas.schemaOf(jobId), issued,
                config.configurationWait()).orElseThrow(() -> new JobUnavailableException("SchemaNotAvailable",
                "The job's schema has not reached the provisioner yet.", false));
        Map<String, String> values = openSecrets(schema.servicePrincipalId(), issued);
        String fingerprint = schema.version() + "/" + values.hashCode();
        JobContext cached = cache.get(jobId);
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached;
        }
        JobContext context = build(schema, values, fingerprint);
        cache.put(jobId, context);
        return context;
    }

    private Map<String, String> openSecrets(String servicePrincipalId, Instant issued) {
        try {
            return MirrorWait.until(() -> secrets.secretsOf(servicePrincipalId), issued, config.configurationWait())
                    .orElseThrow(() -> new JobUnavailableException(
                    "CredentialsMissing", "The service principal has no secrets; PUT BaseAddress and SecretToken to "
                    + ".../synchronization/secrets.", true));
        } catch (SecretUnavailableException e) {
            throw new JobUnavailableException("CredentialsUnreadable", e.getMessage(), true);
        }
    }

    private JobContext build(SchemaMirror.MirroredSchema mirrored, Map<String, String> values, String fingerprint) {
        String baseAddress = values.get("BaseAddress");
        if (baseAddress == null || baseAddress.isBlank()) {
            throw new JobUnavailableException("CredentialsMissing",
                    "The secret BaseAddress (the SCIM endpoint URL) is missing.", true);
        }
        ScimSettings.Builder settings = ScimSettings.builder(baseAddress)
                .requestsPerSecond(config.requestsPerSecond())
                .egress(egress);
        Optional.ofNullable(values.get("SecretToken")).ifPresent(settings::secretToken);
        settings.trustedCertificates(values.get(PemTrust.SECRET));
        oauth(values).ifPresent(settings::oauth);
        ScimClient scim;
        try {
            scim = new ScimClient(settings.build());
        } catch (IllegalArgumentException e) {
            throw new JobUnavailableException("CredentialsInvalid", "BaseAddress is not usable: " + e.getMessage(),
                    true);
        }
        try {
            // Every request checks again; this makes a refused BaseAddress the cycle's error, not each object's
            scim.checkEgress();
        } catch (EgressDeniedException e) {
            throw new JobUnavailableException("EgressDenied", e.getMessage(), true);
        }
        SynchronizationSchema schema = parse(mirrored);
        return new JobContext(mirrored.jobId(), mirrored.servicePrincipalId(), fingerprint,
                plans(schema), scim, hostOf(baseAddress),
                "true".equalsIgnoreCase(values.get("SkipOutOfScopeDeletions")), deleteThreshold(values), schema,
                source(values));
    }

    /** The cycle reads the source in change-detector; here it is read only for objects provisioned on demand. */
    private JobContext.SourceAccess source(Map<String, String> values) {
        try {
            return LdapSecrets.settings(values, egress, config.ldapTrustedCertificates().orElse(null))
                    .map(settings -> new JobContext.SourceAccess(settings, null))
                    .orElseGet(() -> new JobContext.SourceAccess(null, "The service principal's secrets name no "
                            + "source directory: Server and Domain are required."));
        } catch (IllegalArgumentException e) {
            return new JobContext.SourceAccess(null, "The source directory's secrets are not usable: "
                    + e.getMessage());
        }
    }

    /**
     * Applications that take no fixed token: the secrets Oauth2TokenExchangeUri, Oauth2ClientId and
     * Oauth2ClientSecret make the client obtain its tokens with the client-credentials grant (a SecretToken, when
     * also present, is then not used).
     */
    private static Optional<OAuthClientCredentials> oauth(Map<String, String> values) {
        String endpoint = values.get("Oauth2TokenExchangeUri");
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new OAuthClientCredentials(URI.create(endpoint.trim()), values.get("Oauth2ClientId"),
                    values.get("Oauth2ClientSecret"), ""));
        } catch (IllegalArgumentException e) {
            throw new JobUnavailableException("CredentialsInvalid", "The OAuth secrets Oauth2TokenExchangeUri, "
                    + "Oauth2ClientId and Oauth2ClientSecret are not usable: " + e.getMessage(), true);
        }
    }

    private Map<String, ObjectPlan> plans(SynchronizationSchema schema) {
        Map<String, ObjectPlan> plans = new LinkedHashMap<>();
        for (SynchronizationRule rule : schema.synchronizationRules()) {
            Optional<DirectoryDefinition> source = schema.directory(rule.sourceDirectoryName());
            Optional<DirectoryDefinition> target = schema.directory(rule.targetDirectoryName());
            for (ObjectMapping mapping : rule.objectMappings()) {
                Optional<ObjectDefinition> sourceObject = source.flatMap(d -> object(d, mapping.sourceObjectName()));
                Optional<ObjectDefinition> targetObject = target.flatMap(d -> object(d, mapping.targetObjectName()));
                Optional<ScimResourceType> type = resourceType(mapping.targetObjectName());
                if (!Boolean.TRUE.equals(mapping.enabled()) || sourceObject.isEmpty() || targetObject.isEmpty()
                        || type.isEmpty()) {
                    continue;
                }
                try {
                    plans.putIfAbsent(mapping.sourceObjectName(), ObjectPlan.of(mapping.sourceObjectName(),
                            CompiledObjectMapping.compile(mapping, sourceObject.get(), targetObject.get(),
                                    MappingOptions.DEFAULT), targetObject.get(), type.get()));
                } catch (InvalidMappingException e) {
                    throw new JobUnavailableException("SchemaInvalid", "The mapping '" + mapping.name()
                            + "' cannot run: " + String.join("; ", e.problems()), true);
                }
            }
        }
        return plans;
    }

    private SynchronizationSchema parse(SchemaMirror.MirroredSchema mirrored) {
        try {
            return mapper.readValue(mirrored.schemaJson(), SynchronizationSchema.class);
        } catch (JsonProcessingException e) {
            throw new JobUnavailableException("SchemaInvalid", "The job's schema is unreadable: "
                    + e.getOriginalMessage(), false);
        }
    }

    private static Optional<ObjectDefinition> object(DirectoryDefinition directory, String name) {
        return directory.objects().stream().filter(o -> o.name().equals(name)).findFirst();
    }

    private static Optional<ScimResourceType> resourceType(String targetObjectName) {
        for (ScimResourceType type : ScimResourceType.values()) {
            if (type.resourceName().equalsIgnoreCase(targetObjectName)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code SyncNotificationSettings} carries the accidental-deletion threshold (provisioning-behavior.md §1.13):
     * on by default with 500.
     */
    private int deleteThreshold(Map<String, String> values) {
        String settings = values.get("SyncNotificationSettings");
        if (settings == null || settings.isBlank()) {
            return DEFAULT_DELETE_THRESHOLD;
        }
        try {
            JsonNode node = mapper.readTree(settings);
            if (!node.path("DeleteThresholdEnabled").asBoolean(true)) {
                return 0;
            }
            return node.path("DeleteThresholdValue").asInt(DEFAULT_DELETE_THRESHOLD);
        } catch (JsonProcessingException e) {
            return DEFAULT_DELETE_THRESHOLD;
        }
    }

    private static String hostOf(String baseAddress) {
        try {
            return URI.create(baseAddress).getHost();
        } catch (IllegalArgumentException e) {
            return baseAddress;
        }
    }
}
