package org.opensync.sandbox.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
  * The Users or the Groups. Stored nodes are never mutated once published: a write builds a new node inside
  * {@link ConcurrentHashMap#compute}, which serialises writers of one id without a global lock, and readers serialise
  * whatever node they got. Equality filters on id, externalId and the unique attribute are answered from indexes.
  * The unique attribute is compared ignoring case unless the {@code caseSensitiveUserName} quirk says otherwise, which
  * can change at any time: the index therefore groups values by their lower case, and the check looks inside a group.
  * <p>
  * The public methods, meant for tests, return copies; the HTTP layer uses the package-private ones.
  */
public final class ResourceStore {

    private record Stored(long sequence, ObjectNode node, long version, String uniqueValue, String externalId) {
    }

    record Page(int totalResults, List<ObjectNode> resources) {
    }

    private final ResourceType type;
    private final AttributeScope scope;
    private final AttributeScope caseExactScope;
    private final BooleanSupplier uniqueCaseExact;
    private final ResourceNormalizer normalizer;
    private final PatchApplier patcher;
    private final Supplier<String> baseUrl;
    private final ConcurrentHashMap<String, Stored> byId = new ConcurrentHashMap<>();
    /** Creation order, so pages are stable while nothing is created or deleted. */
    private final ConcurrentSkipListMap<Long, String> creationOrder = new ConcurrentSkipListMap<>();
    /**
      * The unique attribute's value in lower case → (the value as stored → id). The inner maps are immutable and
      * replaced whole, so readers need no lock; the usual single holder costs one small {@code Map.of}.
      */
    private final ConcurrentHashMap<String, Map<String, String>> byUniqueKey = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Set<String>> byExternalId = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();

    /** {@code uniqueCaseExact}: whether, right now, the unique attribute is compared respecting case. */
    ResourceStore(ResourceType type, ScimSchemas schemas, Supplier<String> baseUrl, BooleanSupplier uniqueCaseExact) {
        this.type = type;
        this.scope = AttributeScope.of(schemas, type);
        this.caseExactScope = scope.withCaseExact(type.uniqueAttribute());
        this.uniqueCaseExact = uniqueCaseExact;
        this.normalizer = new ResourceNormalizer(scope);
        this.patcher = new PatchApplier(scope);
        this.baseUrl = baseUrl;
    }

    public ResourceType type() {
        return type;
    }

    /** Creates a resource as a client's POST would, e.g. a user that "already existed" before provisioning. */
    public ObjectNode create(JsonNode body) {
        return insert(body).deepCopy();
    }

    public Optional<ObjectNode> get(String id) {
        return Optional.ofNullable(stored(id)).map(ObjectNode::deepCopy);
    }

    public ObjectNode replace(String id, JsonNode body) {
        return replaceStored(id, body).deepCopy();
    }

    public ObjectNode patch(String id, JsonNode patchRequest) {
        return patchStored(id, patchRequest).deepCopy();
    }

    /** @throws ScimException 404 when absent */
    public void delete(String id) {
        Stored removed = byId.remove(id);
        if (removed == null) {
            throw ScimException.notFound(type.resourceName() + " " + id + " not found");
        }
        creationOrder.remove(removed.sequence());
        releaseUnique(id, removed.uniqueValue());
        unindexExternalId(id, removed.externalId());
    }

    /** Every resource matching a SCIM filter, e.g. {@code userName eq "bjensen"}, in creation order. */
    public List<ObjectNode> find(String filter) {
        Page page = search(FilterParser.parse(filter, type, scope.schemas()), 1, Integer.MAX_VALUE);
        return page.resources().stream().map(ObjectNode::deepCopy).toList();
    }

    public List<ObjectNode> all() {
        return search(null, 1, Integer.MAX_VALUE).resources().stream().map(ObjectNode::deepCopy).toList();
    }

    public int size() {
        return byId.size();
    }

    public void clear() {
        byId.clear();
        creationOrder.clear();
        byUniqueKey.clear();
        byExternalId.clear();
    }

    AttributeScope scope() {
        return scope;
    }

    ObjectNode stored(String id) {
        Stored stored = byId.get(id);
        return stored == null ? null : stored.node();
    }

    ObjectNode insert(JsonNode body) {
        ObjectNode content = prepare(body);
        String id = UUID.randomUUID().toString();
        String uniqueValue = uniqueValue(content);
        claimUnique(id, uniqueValue, content);
        Instant now = now();
        ObjectNode node = withMeta(id, content, now.toString(), now, 1);
        long position = sequence.incrementAndGet();
        String externalId = externalId(content);
        byId.put(id, new Stored(position, node, 1, uniqueValue, externalId));
        creationOrder.put(position, id);
        indexExternalId(id, externalId);
        return node;
    }

    ObjectNode replaceStored(String id, JsonNode body) {
        ObjectNode content = prepare(body);
        return update(id, current -> content);
    }

    ObjectNode patchStored(String id, JsonNode patchRequest) {
        return update(id, current -> {
            ObjectNode working = current.deepCopy();
            working.remove("id");
            working.remove("meta");
            patcher.apply(working, patchRequest);
            normalizer.normalize(working);
            validate(working);
            return working;
        });
    }

    /** One page of the matches, and how many there are in all (RFC 7644 §3.4.2.4, 1-based startIndex). */
    Page search(Filter filter, int startIndex, int count) {
        AttributeScope filterScope = uniqueCaseExact.getAsBoolean() ? caseExactScope : scope;
        List<ObjectNode> page = new ArrayList<>(Math.min(count, 1_000));
        if (filter == null) {
            int position = 0;
            for (String id : creationOrder.values()) {
                ObjectNode node = stored(id);
                if (node != null && ++position >= startIndex) {
                    if (page.size() >= count) {
                        break;
                    }
                    page.add(node);
                }
            }
            return new Page(byId.size(), page);
        }
        int matches = 0;
        for (ObjectNode node : candidates(filter)) {
            if (filter.matches(node, filterScope) && ++matches >= startIndex && page.size() < count) {
                page.add(node);
            }
        }
        return new Page(matches, page);
    }

    private Iterable<ObjectNode> candidates(Filter filter) {
        Set<String> ids = indexedCandidates(filter);
        if (ids == null) {
            return () -> creationOrder.values().stream().map(this::stored).filter(n -> n != null).iterator();
        }
        return ids.stream().map(byId::get).filter(s -> s != null)
                .sorted(Comparator.comparingLong(Stored::sequence)).map(Stored::node).toList();
    }

    /** Ids that may match, from the indexes, or null when the filter needs a scan. A superset: matches() decides. */
    private Set<String> indexedCandidates(Filter filter) {
        if (filter instanceof Filter.Comparison c && c.operator() == Filter.Operator.EQ && c.literal().isTextual()
                && c.path().urn() == null && c.path().subAttribute() == null) {
            String attribute = c.path().attribute();
            String value = c.literal().asText();
            if (attribute.equalsIgnoreCase("id")) {
                return Set.of(value);
            }
            if (attribute.equalsIgnoreCase(type.uniqueAttribute())) {
                Map<String, String> holders = byUniqueKey.get(value.toLowerCase(Locale.ROOT));
                return holders == null ? Set.of() : Set.copyOf(holders.values());
            }
            if (attribute.equalsIgnoreCase("externalId")) {
                Set<String> ids = byExternalId.get(value);
                return ids == null ? Set.of() : Set.copyOf(ids);
            }
        }
        if (filter instanceof Filter.And and) {
            Set<String> left = indexedCandidates(and.left());
            Set<String> right = indexedCandidates(and.right());
            if (left == null || right == null) {
                return left == null ? right : left;
            }
            return left.size() <= right.size() ? left : right;
        }
        if (filter instanceof Filter.Or or) {
            Set<String> left = indexedCandidates(or.left());
            Set<String> right = indexedCandidates(or.right());
            if (left == null || right == null) {
                return null;
            }
            Set<String> union = new HashSet<>(left);
            union.addAll(right);
            return union;
        }
        return null;
    }

    private ObjectNode update(String id, UnaryOperator<ObjectNode> change) {
        return byId.compute(id, (key, current) -> {
            if (current == null) {
                throw ScimException.notFound(type.resourceName() + " " + id + " not found");
            }
            ObjectNode content = change.apply(current.node());
            String uniqueValue = uniqueValue(content);
            if (!uniqueValue.equals(current.uniqueValue())) {
                claimUnique(id, uniqueValue, content);
                releaseUnique(id, current.uniqueValue());
            }
            String externalId = externalId(content);
            if (!Objects.equals(externalId, current.externalId())) {
                unindexExternalId(id, current.externalId());
                indexExternalId(id, externalId);
            }
            long version = current.version() + 1;
            String created = current.node().path("meta").path("created").asText();
            return new Stored(current.sequence(), withMeta(id, content, created, now(), version), version, uniqueValue,
                    externalId);
        }).node();
    }

    /** A copy of the client's body without what the server owns (id, meta), shaped and checked. */
    private ObjectNode prepare(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ScimException.badRequest("invalidSyntax", "the body must be a JSON object");
        }
        ObjectNode content = ((ObjectNode) body).deepCopy();
        removeIgnoringCase(content, "id");
        removeIgnoringCase(content, "meta");
        normalizer.normalize(content);
        validate(content);
        return content;
    }

    private void validate(ObjectNode content) {
        JsonNode unique = ScimJson.field(content, type.uniqueAttribute());
        if (unique == null || !unique.isTextual() || unique.asText().isBlank()) {
            throw ScimException.badRequest("invalidValue", type.uniqueAttribute() + " is required");
        }
    }

    private ObjectNode withMeta(String id, ObjectNode content, String created, Instant lastModified, long version) {
        ObjectNode node = ScimJson.NODES.objectNode();
        node.set("schemas", content.get("schemas"));
        node.put("id", id);
        content.properties().forEach(e -> {
            if (!e.getKey().equals("schemas")) {
                node.set(e.getKey(), e.getValue());
            }
        });
        ObjectNode meta = node.putObject("meta");
        meta.put("resourceType", type.resourceName());
        meta.put("created", created);
        meta.put("lastModified", lastModified.toString());
        meta.put("location", baseUrl.get() + type.endpoint() + "/" + id);
        meta.put("version", "W/\"" + version + "\"");
        return node;
    }

    private String uniqueValue(ObjectNode content) {
        return ScimJson.field(content, type.uniqueAttribute()).asText();
    }

    /** Records {@code value} as {@code id}'s; 409 when another resource holds it (or, ignoring case, a twin of it). */
    private void claimUnique(String id, String value, ObjectNode content) {
        boolean caseExact = uniqueCaseExact.getAsBoolean();
        byUniqueKey.compute(value.toLowerCase(Locale.ROOT), (key, holders) -> {
            if (holders == null) {
                return Map.of(value, id);
            }
            for (Map.Entry<String, String> holder : holders.entrySet()) {
                if (!holder.getValue().equals(id) && (!caseExact || holder.getKey().equals(value))) {
                    throw conflict(content);
                }
            }
            Map<String, String> result = new HashMap<>(holders);
            result.put(value, id);
            return Map.copyOf(result);
        });
    }

    private void releaseUnique(String id, String value) {
        byUniqueKey.computeIfPresent(value.toLowerCase(Locale.ROOT), (key, holders) -> {
            if (!id.equals(holders.get(value))) {
                return holders;
            }
            Map<String, String> rest = new HashMap<>(holders);
            rest.remove(value);
            return rest.isEmpty() ? null : Map.copyOf(rest);
        });
    }

    private static String externalId(ObjectNode content) {
        JsonNode externalId = ScimJson.field(content, "externalId");
        return externalId == null ? null : externalId.asText();
    }

    private void indexExternalId(String id, String externalId) {
        if (externalId != null) {
            byExternalId.compute(externalId, (key, ids) -> {
                Set<String> result = ids == null ? ConcurrentHashMap.newKeySet() : ids;
                result.add(id);
                return result;
            });
        }
    }

    private void unindexExternalId(String id, String externalId) {
        if (externalId != null) {
            byExternalId.computeIfPresent(externalId, (key, ids) -> {
                ids.remove(id);
                return ids.isEmpty() ? null : ids;
            });
        }
    }

    private ScimException conflict(ObjectNode content) {
        return ScimException.conflict("a " + type.resourceName() + " with " + type.uniqueAttribute() + " '"
                + ScimJson.field(content, type.uniqueAttribute()).asText() + "' already exists");
    }

    private static void removeIgnoringCase(ObjectNode node, String name) {
        String key;
        while ((key = ScimJson.key(node, name)) != null) {
            node.remove(key);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
