package org.opensync.provisioner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.opensync.common.events.JobSchemaPublished;
import org.opensync.common.events.JobSettingsPublished;
import org.opensync.common.events.ObjectChange;
import org.opensync.common.events.RestartScope;
import org.opensync.common.events.Tick;
import org.opensync.common.events.Topics;
import org.opensync.common.secrets.SecretBox;
import org.opensync.common.secrets.SecretsChanged;
import org.opensync.sandbox.scim.ScimServer;
import org.opensync.testing.EventPublisher;

/**
 * A job of the built-in {@code scim} template towards a sandbox SCIM server, fed with object changes on the real
 * topic as change-detector would publish them.
 */
final class TargetJob {
    static final String TRANSPORT_KEY = "dGVzdC10cmFuc3BvcnQta2V5LW5vdC1mb3ItcHJvZHU=";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TEMPLATES = Path.of("..", "schema-service", "src", "main", "resources", "templates");
    private static final Path TEMPLATE = TEMPLATES.resolve("scim.json");

    final String jobId = "scim.prov." + UUID.randomUUID();
    final String servicePrincipalId = UUID.randomUUID().toString();
    private final Map<String, String> anchors = new LinkedHashMap<>();

    /** The template's schema; {@code scope} (a Graph filter) goes on the user mapping when given. */
    void publishSchema(JsonNode scope) throws IOException {
        publishEditedSchema(schema -> {
            if (scope != null) {
                ((ObjectNode) schema.at("/synchronizationRules/0/objectMappings/0")).set("scope", scope);
            }
        });
    }

    /** The template's schema, changed by {@code edit} (extra attributes and mappings, say). */
    void publishEditedSchema(Consumer<ObjectNode> edit) throws IOException {
        publishSchemaOf(TEMPLATE, edit);
    }

    /** The schema of another built-in template, by its file name. */
    void publishTemplateSchema(String templateFile) throws IOException {
        publishSchemaOf(TEMPLATES.resolve(templateFile), schema -> { });
    }

    /** The schema of another built-in template, its text changed by {@code edit} (containers in a test's subtree). */
    void publishTemplateSchema(String templateFile, UnaryOperator<String> edit) throws IOException {
        publishSchemaText(edit.apply(Files.readString(TEMPLATES.resolve(templateFile))), schema -> { });
    }

    private void publishSchemaOf(Path template, Consumer<ObjectNode> edit) throws IOException {
        publishSchemaText(Files.readString(template), edit);
    }

    private void publishSchemaText(String template, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode schema = (ObjectNode) JSON.readTree(template).at("/template/schema");
        edit.accept(schema);
        EventPublisher.publish(Topics.SCHEMAS, new JobSchemaPublished(id(), Instant.now(), jobId, servicePrincipalId,
                "scim", "date:" + Instant.now(), schema));
    }

    void publishSecrets(ScimServer scim, String token, Map<String, String> extra) {
        Map<String, String> secrets = new LinkedHashMap<>(Map.of("BaseAddress", scim.baseUrl(), "SecretToken", token));
        secrets.putAll(extra);
        publishSecrets(secrets);
    }

    /** Exactly these secrets (a directory target's, say). */
    void publishSecrets(Map<String, String> secrets) {
        ArrayNode entries = JSON.createArrayNode();
        secrets.forEach((key, value) -> entries.addObject().put("key", key).put("value", value));
        String sealed = new SecretBox(TRANSPORT_KEY, List.of()).seal(entries.toString(), servicePrincipalId);
        EventPublisher.publish(Topics.SECRETS, new SecretsChanged(id(), Instant.now(), servicePrincipalId, sealed));
    }

    /** The job's synchronizationJobSettings, as job-api publishes them. */
    void publishSettings(Map<String, String> settings) {
        EventPublisher.publish(Topics.JOB_SETTINGS, new JobSettingsPublished(id(), Instant.now(), jobId, settings));
    }

    /** Publishes a whole incremental cycle and returns its id. */
    String cycle(Set<RestartScope> reset, List<ObjectChange.ObjectChanged> objects) {
        return cycle(Tick.CycleKind.Incremental, reset, objects);
    }

    /** Publishes a whole cycle of this kind (a full read has every object of the source) and returns its id. */
    String cycle(Tick.CycleKind kind, Set<RestartScope> reset, List<ObjectChange.ObjectChanged> objects) {
        String cycleId = begin(kind, reset, objects);
        publish(readCompleted(cycleId, kind, objects.size()));
        return cycleId;
    }

    /** Publishes a whole incremental cycle sent together, so that the provisioner polls its objects as one batch. */
    String cycleInOneBatch(List<ObjectChange.ObjectChanged> objects) {
        String cycleId = UUID.randomUUID().toString();
        List<ObjectChange> records = new ArrayList<>();
        records.add(new ObjectChange.CycleBegan(id(), Instant.now(), jobId, cycleId, Tick.CycleKind.Incremental,
                EnumSet.noneOf(RestartScope.class)));
        objects.forEach(object -> records.add(inCycle(cycleId, object)));
        records.add(readCompleted(cycleId, Tick.CycleKind.Incremental, objects.size()));
        EventPublisher.publishTogetherOnPartitionOf(Topics.OBJECT_CHANGES, jobId, records);
        return cycleId;
    }

    /** Publishes the beginning of a cycle and its objects, not its end; returns its id. */
    String begin(Tick.CycleKind kind, Set<RestartScope> reset, List<ObjectChange.ObjectChanged> objects) {
        String cycleId = UUID.randomUUID().toString();
        publish(new ObjectChange.CycleBegan(id(), Instant.now(), jobId, cycleId, kind,
                reset.isEmpty() ? EnumSet.noneOf(RestartScope.class) : EnumSet.copyOf(reset)));
        objects.forEach(object -> publish(new ObjectChange.ObjectChanged(object.eventId(), object.occurredAt(), jobId,
                cycleId, object.objectType(), object.anchor(), object.dn(), object.deleted(), object.attributes())));
        return cycleId;
    }

    ObjectChange.CycleReadCompleted readCompleted(String cycleId, Tick.CycleKind kind, long objects) {
        return new ObjectChange.CycleReadCompleted(id(), Instant.now(), jobId, cycleId, kind, Instant.now(), objects,
                objects);
    }

    /** The image change-detector publishes for an LDAP entry (anchors stay stable per DN). */
    ObjectChange.ObjectChanged object(String type, Entry entry, boolean disabled) {
        Map<String, List<String>> image = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Attribute attribute : entry.getAttributes()) {
            image.put(attribute.getName(), List.of(attribute.getValues()));
        }
        String anchor = anchor(entry.getDN());
        image.put("objectId", List.of(anchor));
        image.put("dn", List.of(entry.getDN()));
        image.put("IsSoftDeleted", List.of(disabled ? "True" : "False"));
        return new ObjectChange.ObjectChanged(id(), Instant.now(), jobId, "", type, anchor, entry.getDN(), false, image);
    }

    ObjectChange.ObjectChanged deletion(String type, String dn) {
        return new ObjectChange.ObjectChanged(id(), Instant.now(), jobId, "", type, anchor(dn), null, true, Map.of());
    }

    private String anchor(String dn) {
        return anchors.computeIfAbsent(dn.toLowerCase(), d -> UUID.randomUUID().toString());
    }

    /** This object as a change of the given cycle. */
    ObjectChange.ObjectChanged inCycle(String cycleId, ObjectChange.ObjectChanged object) {
        return new ObjectChange.ObjectChanged(object.eventId(), object.occurredAt(), jobId, cycleId,
                object.objectType(), object.anchor(), object.dn(), object.deleted(), object.attributes());
    }

    /**
     * Publishes a cycle's beginning spread over every partition, as change-detector does when jobs' changes are
     * spread: a copy of the marker on each partition, naming how many there are.
     */
    void beginSpread(String cycleId, Tick.CycleKind kind, Instant began, Set<Integer> partitions) {
        ObjectChange.CycleBegan marker = new ObjectChange.CycleBegan(cycleId + ":began", began, jobId, cycleId, kind,
                EnumSet.noneOf(RestartScope.class), partitions());
        partitions.forEach(partition -> EventPublisher.publishOnPartition(Topics.OBJECT_CHANGES, partition, marker));
    }

    /** Publishes these objects of a spread cycle that fall on the given partitions, each on its key's partition. */
    void publishSpread(String cycleId, List<ObjectChange.ObjectChanged> objects, Set<Integer> partitions) {
        objects.stream().map(object -> inCycle(cycleId, object)).filter(object -> partitions.contains(partitionOf(object)))
                .forEach(object -> EventPublisher.publishOnPartition(Topics.OBJECT_CHANGES, partitionOf(object),
                        object));
    }

    /** Publishes the end of a spread cycle's read on the given partitions. */
    void completeSpread(String cycleId, Tick.CycleKind kind, long objects, Set<Integer> partitions) {
        ObjectChange.CycleReadCompleted completed = readCompleted(cycleId, kind, objects).withSlices(partitions());
        partitions.forEach(partition -> EventPublisher.publishOnPartition(Topics.OBJECT_CHANGES, partition,
                completed));
    }

    static int partitions() {
        return EventPublisher.partitions(Topics.OBJECT_CHANGES);
    }

    static int partitionOf(ObjectChange.ObjectChanged object) {
        return EventPublisher.partitionOf(Topics.OBJECT_CHANGES, object.key());
    }

    void publish(ObjectChange change) {
        EventPublisher.publishOnPartitionOf(Topics.OBJECT_CHANGES, jobId, change);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
