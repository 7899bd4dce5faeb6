package org.opensync.jobapi.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opensync.connectors.schema.DiscoveredAttribute;
import org.opensync.connectors.schema.DiscoveredObject;

/**
 * Folds what a system says about its objects into a job's directoryDefinition (JSON as schema-service serves it):
 * an attribute the system has takes its type and multi-valuedness from the system and keeps everything else the job
 * set (anchor, flowNullValues, expressions, metadata); an attribute the system lacks stays only when the job needs
 * it (a mapping or scope uses it, it is the anchor, or the object's metadata names it, as the soft-delete property);
 * new attributes and objects are added after the existing ones.
 */
final class DirectoryMerge {
    static final String DISCOVERABILITIES = "AttributeNames,AttributeDataTypes";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DirectoryMerge() {
    }

    /**
     * @param schema    the job's whole synchronizationSchema, for the attributes its rules use
     * @param directory one of its directories, changed in place
     * @param version   the directory's new version
     */
    static ObjectNode merge(JsonNode schema, ObjectNode directory, List<DiscoveredObject> discovered, Instant now,
                            String version) {
        Map<String, Set<String>> used = usedAttributes(schema, directory.path("name").asText());
        Map<String, DiscoveredObject> byName = new LinkedHashMap<>();
        discovered.forEach(object -> byName.put(lower(object.name()), object));
        ArrayNode objects = directory.withArray("objects");
        for (JsonNode object : objects) {
            DiscoveredObject found = byName.remove(lower(object.path("name").asText()));
            if (found != null && object.isObject()) {
                mergeObject((ObjectNode) object, found,
                        used.getOrDefault(lower(object.path("name").asText()), Set.of()));
            }
        }
        byName.values().forEach(found -> {
            ObjectNode added = objects.addObject().put("name", found.name());
            added.putArray("attributes");
            added.putArray("metadata");
            added.putArray("supportedApis");
            mergeObject(added, found, Set.of());
        });
        directory.put("discoverabilities", DISCOVERABILITIES);
        directory.put("discoveryDateTime", now.toString());
        directory.put("version", version);
        return directory;
    }

    private static void mergeObject(ObjectNode object, DiscoveredObject found, Set<String> used) {
        Map<String, DiscoveredAttribute> system = new LinkedHashMap<>();
        found.attributes().forEach(attribute -> system.putIfAbsent(lower(attribute.name()), attribute));
        Set<String> named = new HashSet<>();
        object.path("metadata").forEach(entry -> named.add(lower(entry.path("value").asText())));
        ArrayNode merged = NODES.arrayNode();
        for (JsonNode attribute : object.path("attributes")) {
            String key = lower(attribute.path("name").asText());
            DiscoveredAttribute fromSystem = system.remove(key);
            if (fromSystem != null && attribute.isObject()) {
                ((ObjectNode) attribute).put("type", fromSystem.type().graphName())
                        .put("multivalued", fromSystem.multivalued());
                merged.add(attribute);
            } else if (used.contains(key) || attribute.path("anchor").asBoolean(false) || named.contains(key)) {
                merged.add(attribute);
            }
        }
        system.values().forEach(attribute -> merged.add(definition(attribute)));
        object.set("attributes", merged);
    }

    /** A new attributeDefinition with every member Graph clients expect. */
    private static ObjectNode definition(DiscoveredAttribute attribute) {
        ObjectNode node = NODES.objectNode();
        node.put("anchor", false);
        node.putArray("apiExpressions");
        node.put("caseExact", attribute.caseExact());
        node.putNull("defaultValue");
        node.put("flowNullValues", false);
        node.putArray("metadata");
        node.put("multivalued", attribute.multivalued());
        node.put("mutability", attribute.mutability());
        node.put("name", attribute.name());
        node.putArray("referencedObjects");
        node.put("required", attribute.required());
        node.put("type", attribute.type().graphName());
        return node;
    }

    /**
     * Per object name of the directory, the attributes the rules read (as a source: mapping sources, scope
     * filters) or write (as a target), lower-cased.
     */
    static Map<String, Set<String>> usedAttributes(JsonNode schema, String directoryName) {
        Map<String, Set<String>> used = new LinkedHashMap<>();
        for (JsonNode rule : schema.path("synchronizationRules")) {
            boolean source = directoryName.equals(rule.path("sourceDirectoryName").asText());
            boolean target = directoryName.equals(rule.path("targetDirectoryName").asText());
            for (JsonNode mapping : rule.path("objectMappings")) {
                if (source) {
                    Set<String> names = used.computeIfAbsent(lower(mapping.path("sourceObjectName").asText()),
                            k -> new HashSet<>());
                    mapping.path("attributeMappings").forEach(a -> sourceAttributes(a.path("source"), names));
                    mapping.path("scope").findValues("sourceOperandName")
                            .forEach(name -> names.add(lower(name.asText())));
                }
                if (target) {
                    Set<String> names = used.computeIfAbsent(lower(mapping.path("targetObjectName").asText()),
                            k -> new HashSet<>());
                    mapping.path("attributeMappings")
                            .forEach(a -> names.add(lower(a.path("targetAttributeName").asText())));
                }
            }
        }
        return used;
    }

    /** The attribute names an attributeMappingSource tree reads: its {@code Attribute} nodes, at any depth. */
    private static void sourceAttributes(JsonNode source, Set<String> names) {
        if (source == null || !source.isObject()) {
            return;
        }
        if ("Attribute".equalsIgnoreCase(source.path("type").asText()) && source.hasNonNull("name")) {
            names.add(lower(source.get("name").asText()));
        }
        for (JsonNode parameter : source.path("parameters")) {
            sourceAttributes(parameter.path("value"), names);
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
