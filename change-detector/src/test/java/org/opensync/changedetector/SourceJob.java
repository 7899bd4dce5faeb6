package org.opensync.changedetector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobSchemaPublished;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.common.secrets.SecretBox;
import org.opensync.common.secrets.SecretsChanged;
import org.opensync.mapping.expression.Expressions;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.AttributeMapping;
import org.opensync.mapping.model.AttributeMappingSource;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.model.DirectoryDefinition;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectDefinitionMetadata;
import org.opensync.mapping.model.ObjectDefinitionMetadataEntry;
import org.opensync.mapping.model.ObjectMapping;
import org.opensync.mapping.model.SynchronizationRule;
import org.opensync.mapping.model.SynchronizationSchema;
import org.opensync.sandbox.directory.TestDirectory;
import org.opensync.testing.EventPublisher;
import org.opensync.testing.TopicProbe;

/** A job whose schema and secrets are published on the real topics, reading from a test directory. */
final class SourceJob {
    static final String TRANSPORT_KEY = "dGVzdC10cmFuc3BvcnQta2V5LW5vdC1mb3ItcHJvZHU=";
    /** The key the test configuration lists among the previous transport keys, as after a rotation. */
    static final String PREVIOUS_TRANSPORT_KEY = "dGVzdC1wcmV2aW91cy10cmFuc3BvcnQta2V5LTAwMDE=";
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    final String jobId = "scim.cd." + UUID.randomUUID();
    final String servicePrincipalId = UUID.randomUUID().toString();
    private long ticks;

    void publishSchema() {
        publish(schema(List.of(), List.of()));
    }

    /** The schema of an API-sourced job: users uploaded through bulkUpload to a SCIM application. */
    void publishInboundSchema() {
        ObjectDefinition hrUser = new ObjectDefinition(List.of(anchor(), attribute("externalId"),
                attribute("userName")), List.of(), "User", List.of());
        ObjectDefinition scimUser = new ObjectDefinition(List.of(attribute("userName")), List.of(), "User", List.of());
        publish(new SynchronizationSchema("test", List.of(
                new DirectoryDefinition("api", null, null, "API", List.of(hrUser), true, null),
                new DirectoryDefinition("scim", null, null, "customappsso", List.of(scimUser), false, null)),
                List.of(new SynchronizationRule(null, true, null, "rule", List.of(), "API2SCIM",
                        List.of(mapping("User", "userName", "userName", List.of())), 1, "API", "customappsso")), null));
    }

    /** The schema of a CSV-sourced job: HR rows keyed by EmployeeId to a SCIM application. */
    void publishCsvSchema() {
        ObjectDefinition hrUser = new ObjectDefinition(List.of(anchor(), attribute("EmployeeId"), attribute("Mail")),
                List.of(), "User", List.of());
        ObjectDefinition scimUser = new ObjectDefinition(List.of(attribute("userName")), List.of(), "User", List.of());
        publish(new SynchronizationSchema("test", List.of(
                new DirectoryDefinition("csv", null, null, "CSV", List.of(hrUser), true, null),
                new DirectoryDefinition("scim", null, null, "customappsso", List.of(scimUser), false, null)),
                List.of(new SynchronizationRule(null, true, null, "rule", List.of(), "CSV2SCIM",
                        List.of(mapping("User", "userName", "Mail", List.of())), 1, "CSV", "customappsso")), null));
    }

    /** A malformed schema whose failure the change detector does not expect: a source attribute has no name. */
    void publishSchemaWithUnnamedAttribute() {
        publish(schema(List.of(attribute(null)), List.of()));
    }

    /** The schema with the user's source attribute flowing to the target through {@code Redact}. */
    void publishSchemaRedacting(String sourceAttribute) {
        publish(schema(List.of(attribute(sourceAttribute)), List.of(AttributeMapping.of("password",
                Expressions.parse("Redact([" + sourceAttribute + "])").toMappingSource()))));
    }

    private void publish(SynchronizationSchema synchronizationSchema) {
        JsonNode schema = JSON.valueToTree(synchronizationSchema);
        EventPublisher.publish(Topics.SCHEMAS, new JobSchemaPublished(id(), Instant.now(), jobId, servicePrincipalId,
                "scim", "date:" + Instant.now(), schema));
    }

    void publishSecrets(Map<String, String> secrets) {
        publishSecrets(secrets, TRANSPORT_KEY);
    }

    void publishSecrets(Map<String, String> secrets, String transportKey) {
        String plain;
        try {
            plain = JSON.writeValueAsString(secrets.entrySet().stream()
                    .map(e -> Map.of("key", e.getKey(), "value", e.getValue())).toList());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String sealed = new SecretBox(transportKey, List.of()).seal(plain, servicePrincipalId);
        EventPublisher.publish(Topics.SECRETS, new SecretsChanged(id(), Instant.now(), servicePrincipalId, sealed));
    }

    void publishSecretsFor(TestDirectory directory) {
        publishSecretsFor(directory, TRANSPORT_KEY);
    }

    void publishSecretsFor(TestDirectory directory, String transportKey) {
        publishSecrets(Map.of("Server", directory.url(), "UserName", directory.bindDn(), "Password",
                directory.password(), "Domain", directory.baseDn()), transportKey);
    }

    void tick(Tick.CycleKind kind, Set<RestartScope> reset) {
        EventPublisher.publish(Topics.TICKS, tickEvent(kind, reset));
    }

    /**
     * Ticks the job and returns what its cycle published once the read completed, from {@code CycleBegan} to
     * {@code CycleReadCompleted}; {@code changes} listens from before the tick.
     */
    List<ObjectChange> runCycle(Tick.CycleKind kind, TopicProbe changes, Duration timeout) {
        tick(kind, Set.of());
        changes.await(r -> r.key().equals(jobId + ":cycle") && r.value().contains("CycleReadCompleted"), 1, timeout);
        return changes.records(r -> r.key().startsWith(jobId + ":")).stream()
                .map(ConsumerRecord::value).map(v -> EventCodec.decode(v, ObjectChange.class)).toList();
    }

    /** The object changes of a cycle, without its beginning and end. */
    static List<ObjectChange.ObjectChanged> objectsOf(List<ObjectChange> cycle) {
        return cycle.stream().filter(c -> c instanceof ObjectChange.ObjectChanged)
                .map(c -> (ObjectChange.ObjectChanged) c).toList();
    }

    /** The job's next tick, not published. */
    Tick tickEvent(Tick.CycleKind kind, Set<RestartScope> reset) {
        ticks++;
        String tickId = UUID.randomUUID().toString();
        return new Tick(tickId, Instant.now(), jobId, tickId, ticks, kind,
                reset.isEmpty() ? EnumSet.noneOf(RestartScope.class) : EnumSet.copyOf(reset), Instant.now());
    }

    private static SynchronizationSchema schema(List<AttributeDefinition> moreUserAttributes,
                                                List<AttributeMapping> moreUserMappings) {
        List<AttributeDefinition> userAttributes = new ArrayList<>(List.of(anchor(), attribute("uid"),
                attribute("cn"), attribute("sn"), attribute("mail"), attribute("title"), attribute("manager")));
        userAttributes.addAll(moreUserAttributes);
        ObjectDefinition users = new ObjectDefinition(userAttributes,
                List.of(new ObjectDefinitionMetadataEntry(ObjectDefinitionMetadata.BaseObjectName, "inetOrgPerson")),
                "User", List.of());
        ObjectDefinition groups = new ObjectDefinition(List.of(anchor(), attribute("cn"), attribute("member")),
                List.of(new ObjectDefinitionMetadataEntry(ObjectDefinitionMetadata.BaseObjectName, "groupOfNames")),
                "Group", List.of());
        ObjectDefinition scimUser = new ObjectDefinition(List.of(attribute("userName")), List.of(), "User", List.of());
        ObjectDefinition scimGroup = new ObjectDefinition(List.of(attribute("displayName")), List.of(), "Group",
                List.of());
        return new SynchronizationSchema("test", List.of(
                new DirectoryDefinition("ldap", null, null, "LDAP", List.of(users, groups), true, null),
                new DirectoryDefinition("scim", null, null, "customappsso", List.of(scimUser, scimGroup), false,
                        null)),
                List.of(new SynchronizationRule(null, true, null, "rule", List.of(), "LDAP_OUTBOUND_SCIM",
                        List.of(mapping("User", "userName", "mail", moreUserMappings),
                                mapping("Group", "displayName", "cn", List.of())), 1,
                        "LDAP", "customappsso")), null);
    }

    private static ObjectMapping mapping(String object, String target, String source, List<AttributeMapping> more) {
        List<AttributeMapping> mappings = new ArrayList<>(List.of(AttributeMapping.of(target,
                new AttributeMappingSource("[" + source + "]", source, List.of(), null))));
        mappings.addAll(more);
        return new ObjectMapping(mappings, true, null, List.of(), object, null, object, object);
    }

    private static AttributeDefinition anchor() {
        return new AttributeDefinition(true, null, true, null, false, null, false, null, "objectId", null, false,
                AttributeType.String);
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.of(name, AttributeType.String);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
