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
import org.jboss.logging.Logger;
import org.opensync.common.egress.EgressConfig;
import org.opensync.common.events.JobSettingsPublished;
import org.opensync.common.mirror.MirrorWait;
import org.opensync.common.mirror.SchemaMirror;
import org.opensync.common.mirror.SecretsMirror;
import org.opensync.common.secrets.SecretUnavailableException;
import org.opensync.connectors.ldap.LdapSecrets;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.ldap.export.LdapTarget;
import org.opensync.connectors.ldap.export.LdapTargetException;
import org.opensync.connectors.net.EgressDeniedException;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.connectors.net.PemTrust;
import org.opensync.connectors.scim.OAuthClientCredentials;
import org.opensync.connectors.scim.ScimClient;
import org.opensync.connectors.scim.ScimSettings;
import org.opensync.connectors.target.LdapProvisioningTarget;
import org.opensync.connectors.target.LdapTargetSecrets;
import org.opensync.connectors.target.ProvisioningTarget;
import org.opensync.connectors.target.ScimProvisioningTarget;
import org.opensync.connectors.target.TargetType;
import org.opensync.mapping.apply.CompiledObjectMapping;
import org.opensync.mapping.apply.InvalidMappingException;
import org.opensync.mapping.apply.MappingOptions;
import org.opensync.mapping.model.DirectoryDefinition;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectMapping;
import org.opensync.mapping.model.SynchronizationRule;
import org.opensync.mapping.model.SynchronizationSchema;
import org.opensync.provisioner.ProvisionerConfig;
import org.opensync.provisioner.cds.JobSettings;
import org.opensync.provisioner.cds.RefreshTokens;

/**
 * Builds each job's {@link JobContext} from the mirrored schema, secrets and job settings, and rebuilds it only when
 * one of them changed: compiling mappings and opening an HTTP client per object would waste most of the time. The
 * target is an LDAP directory when the secrets name one ({@code TargetServer}, see {@link LdapTargetSecrets}), else
 * the SCIM application at {@code BaseAddress}.
 */
@ApplicationScoped
public class JobContexts {
    private static final Logger LOG = Logger.getLogger(JobContexts.class);
    private static final int DEFAULT_DELETE_THRESHOLD = 500;

    private final SchemaMirror schemas;
    private final SecretsMirror secrets;
    private final JobSettings jobSettings;
    private final RefreshTokens refreshTokens;
    private final ObjectMapper mapper;
    private final ProvisionerConfig config;
    private final EgressPolicy egress;
    private final Map<String, JobContext> cache = new ConcurrentHashMap<>();
    private final TargetRequestMetrics targetRequests;

    @Inject
    public JobContexts(SchemaMirror schemas, SecretsMirror secrets, JobSettings jobSettings,
                       RefreshTokens refreshTokens, ObjectMapper mapper, ProvisionerConfig config,
                       EgressConfig egress, TargetRequestMetrics targetRequests) {
        this.targetRequests = targetRequests;
        this.schemas = schemas;
        this.secrets = secrets;
        this.jobSettings = jobSettings;
        this.refreshTokens = refreshTokens;
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
        Map<String, String> settings = jobSettings.of(jobId);
        String fingerprint = schema.version() + "/" + values.hashCode() + "/" + settings.hashCode();
        JobContext cached = cache.get(jobId);
        if (cached != null && cached.fingerprint().equals(fingerprint)) {
            return cached;
        }
        JobContext context = build(schema, values, settings, fingerprint);
        JobContext replaced = cache.put(jobId, context);
        if (replaced != null) {
            // a directory's connections; work still using them fails as an outage and is retried
            replaced.target().close();
        }
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

    private JobContext build(SchemaMirror.MirroredSchema mirrored, Map<String, String> values,
                             Map<String, String> jobSettings, String fingerprint) {
        SynchronizationSchema schema = parse(mirrored);
        ProvisioningTarget target = LdapTargetSecrets.present(values) ? directory(mirrored.jobId(), values)
                : scim(mirrored.jobId(), mirrored.servicePrincipalId(), values);
        return new JobContext(mirrored.jobId(), mirrored.servicePrincipalId(), fingerprint,
                plans(schema, target), target,
                "true".equalsIgnoreCase(values.get("SkipOutOfScopeDeletions")), deleteThreshold(values, jobSettings), schema,
                source(values));
    }

    /**
     * Opening binds and checks the base DN: a directory that is down fails the job's batch (escrowed, retried at the
     * next cycle) rather than every object on its own.
     */
    private ProvisioningTarget directory(String jobId, Map<String, String> values) {
        LdapSettings settings;
        LdapTarget directory;
        try {
            settings = LdapTargetSecrets.settings(values, egress, config.ldapTrustedCertificates().orElse(null))
                    .orElseThrow(() -> new JobUnavailableException("CredentialsMissing", "The target directory needs "
                            + "the secrets TargetServer and TargetDomain.", true))
                    .withPoolSize(config.requestsInFlight());
            directory = LdapTarget.open(settings, LdapTargetSecrets.options(values)
                    .withObserver(targetRequests.of(jobId)));
        } catch (IllegalArgumentException e) {
            throw new JobUnavailableException("CredentialsInvalid", "The target directory's secrets are not usable: "
                    + e.getMessage(), true);
        } catch (EgressDeniedException e) {
            throw new JobUnavailableException("EgressDenied", e.getMessage(), true);
        } catch (LdapTargetException e) {
            throw new JobUnavailableException(e.transientFailure() ? "TargetUnavailable" : e.code(), "The target "
                    + "directory cannot be used: " + e.getMessage(), !e.transientFailure());
        }
        return new LdapProvisioningTarget(directory, settings.baseDn(), LdapTargetSecrets.namingAttribute(values),
                hostOf(settings.url()));
    }

    private ProvisioningTarget scim(String jobId, String servicePrincipalId, Map<String, String> values) {
        String baseAddress = values.get("BaseAddress");
        if (baseAddress == null || baseAddress.isBlank()) {
            throw new JobUnavailableException("CredentialsMissing",
                    "The secret BaseAddress (the SCIM endpoint URL) is missing.", true);
        }
        ScimSettings.Builder settings = ScimSettings.builder(baseAddress)
                .requestsPerSecond(config.requestsPerSecond())
                .requestsInFlight(config.requestsInFlight())
                .egress(egress)
                .observer(targetRequests.of(jobId));
        Optional.ofNullable(values.get("SecretToken")).ifPresent(settings::secretToken);
        settings.trustedCertificates(values.get(PemTrust.SECRET));
        oauth(servicePrincipalId, values).ifPresent(settings::oauth);
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
        return new ScimProvisioningTarget(scim, hostOf(baseAddress), config.scimBulk());
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
     * Oauth2ClientSecret make the client obtain its tokens with the client-credentials grant, or with the
     * refresh-token grant when acquireAccessToken left an Oauth2RefreshToken (a SecretToken, when also present, is
     * then not used). A refresh token the endpoint rotates is kept in this service's database (job-api's secrets are
     * the admin's, and a PUT of them must not race with rotations): the newest of the chain is used.
     */
    private Optional<OAuthClientCredentials> oauth(String servicePrincipalId, Map<String, String> values) {
        String endpoint = values.get("Oauth2TokenExchangeUri");
        if (endpoint == null || endpoint.isBlank()) {
            return Optional.empty();
        }
        OAuthClientCredentials client;
        try {
            client = new OAuthClientCredentials(URI.create(endpoint.trim()), values.get("Oauth2ClientId"),
                    values.get("Oauth2ClientSecret"), "");
        } catch (IllegalArgumentException e) {
            throw new JobUnavailableException("CredentialsInvalid", "The OAuth secrets Oauth2TokenExchangeUri, "
                    + "Oauth2ClientId and Oauth2ClientSecret are not usable: " + e.getMessage(), true);
        }
        String authorized = values.get("Oauth2RefreshToken");
        if (authorized == null || authorized.isBlank()) {
            return Optional.of(client);
        }
        try {
            return Optional.of(client.refreshing(refreshTokens.current(servicePrincipalId, authorized),
                    rotated -> keepRotated(servicePrincipalId, authorized, rotated)));
        } catch (SecretUnavailableException e) {
            throw new JobUnavailableException("CredentialsUnreadable", "The rotated OAuth refresh token cannot be "
                    + "opened (" + e.getMessage() + "); call acquireAccessToken again.", true);
        }
    }

    /**
     * The application's client keeps using the rotated token in memory whatever happens here; a failure to store it
     * loses it only at a restart, after which the admin authorizes again (acquireAccessToken).
     */
    private void keepRotated(String servicePrincipalId, String authorized, String rotated) {
        try {
            refreshTokens.rotated(servicePrincipalId, authorized, rotated);
        } catch (RuntimeException e) {
            LOG.errorf("the rotated OAuth refresh token of service principal %s could not be stored: %s",
                    servicePrincipalId, e.getMessage());
        }
    }

    private Map<String, ObjectPlan> plans(SynchronizationSchema schema, ProvisioningTarget writer) {
        Map<String, ObjectPlan> plans = new LinkedHashMap<>();
        for (SynchronizationRule rule : schema.synchronizationRules()) {
            Optional<DirectoryDefinition> source = schema.directory(rule.sourceDirectoryName());
            Optional<DirectoryDefinition> target = schema.directory(rule.targetDirectoryName());
            for (ObjectMapping mapping : rule.objectMappings()) {
                Optional<ObjectDefinition> sourceObject = source.flatMap(d -> object(d, mapping.sourceObjectName()));
                Optional<ObjectDefinition> targetObject = target.flatMap(d -> object(d, mapping.targetObjectName()));
                Optional<TargetType> type = writer.type(mapping.targetObjectName());
                if (!Boolean.TRUE.equals(mapping.enabled()) || sourceObject.isEmpty() || targetObject.isEmpty()
                        || type.isEmpty()) {
                    continue;
                }
                try {
                    plans.putIfAbsent(mapping.sourceObjectName(), ObjectPlan.of(
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

    /**
     * The accidental-deletion threshold, on by default with 500. {@code SyncNotificationSettings} (what the portal's
     * accidental-deletion page writes) decides when it says anything about it ({@code DeleteThresholdEnabled},
     * {@code DeleteThresholdValue}): it is the admin's explicit choice for the whole service principal. Otherwise the
     * job setting {@code QuarantineTooManyDeletesThreshold} does (0 turns it off), which jobs usually carry as a copy
     * of their template's default.
     */
    private int deleteThreshold(Map<String, String> values, Map<String, String> jobSettings) {
        JsonNode notification = notificationSettings(values.get("SyncNotificationSettings"));
        if (notification.has("DeleteThresholdEnabled") || notification.has("DeleteThresholdValue")) {
            return notification.path("DeleteThresholdEnabled").asBoolean(true)
                    ? notification.path("DeleteThresholdValue").asInt(DEFAULT_DELETE_THRESHOLD) : 0;
        }
        String setting = jobSettings.get(JobSettingsPublished.QUARANTINE_TOO_MANY_DELETES_THRESHOLD);
        if (setting != null && setting.trim().matches("\\d{1,9}")) {
            return Integer.parseInt(setting.trim());
        }
        return DEFAULT_DELETE_THRESHOLD;
    }

    private JsonNode notificationSettings(String json) {
        if (json == null || json.isBlank()) {
            return mapper.createObjectNode();
        }
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return mapper.createObjectNode();
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
