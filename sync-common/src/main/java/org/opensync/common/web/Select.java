package org.opensync.common.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** OData {@code $select}: keeps the named properties (plus {@code id} and annotations) of each returned object. */
public final class Select {
    private final Set<String> properties;

    private Select(Set<String> properties) {
        this.properties = properties;
    }

    /**
     * @param select    the raw option, possibly null
     * @param available property names of the entity, in their canonical spelling
     * @throws GraphException 400 naming the first unknown property
     */
    public static Select parse(String select, Set<String> available) {
        if (select == null || select.isBlank()) {
            return new Select(Set.of());
        }
        Map<String, String> byLowerName = available.stream()
                .collect(Collectors.toMap(p -> p.toLowerCase(Locale.ROOT), Function.identity()));
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : select.split(",")) {
            String canonical = byLowerName.get(name.trim().toLowerCase(Locale.ROOT));
            if (canonical == null) {
                throw GraphException.badRequest("Could not find a property named '" + name.trim()
                        + "' on the selected type; $select accepts " + available + ".", "$select");
            }
            chosen.add(canonical);
        }
        return new Select(chosen);
    }

    /** The JSON property names of a representation record ({@code @JsonProperty} names where given). */
    public static Set<String> propertiesOf(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .map(component -> {
                    JsonProperty json = component.getAccessor().getAnnotation(JsonProperty.class);
                    JsonProperty field = json != null ? json : component.getAnnotation(JsonProperty.class);
                    return field == null || field.value().isEmpty() ? component.getName() : field.value();
                })
                .filter(name -> !name.startsWith("@"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public boolean isAll() {
        return properties.isEmpty();
    }

    public ObjectNode apply(ObjectMapper mapper, Object representation) {
        ObjectNode node = mapper.valueToTree(representation);
        if (!isAll()) {
            node.retain(node.properties().stream().map(Map.Entry::getKey)
                    .filter(name -> name.startsWith("@") || name.equals("id") || properties.contains(name))
                    .toList());
        }
        return node;
    }

    /** The {@code (a,b)} part OData puts into {@code @odata.context} for a projection. */
    public String contextSuffix() {
        return isAll() ? "" : "(" + String.join(",", properties) + ")";
    }
}
