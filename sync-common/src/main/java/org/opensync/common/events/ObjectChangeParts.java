package org.opensync.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Splits an object change whose record would be larger than Kafka accepts into parts that each fit, and puts the
 * parts back together. A part is an {@link ObjectChange.ObjectChanged} of the same job, cycle, object and event id
 * carrying a share of the attribute values, in order; the image is the concatenation of the parts' values per
 * attribute. A single value larger than the limit cannot be split: such a change stays whole, and Kafka refuses it.
 */
public final class ObjectChangeParts {
    /** Room for the part numbers, which are not known while the values are shared out. */
    private static final int PART_NUMBERS = 40;

    private ObjectChangeParts() {
    }

    /** The change itself when its encoded value has at most {@code maxBytes}, else its parts, each at most that. */
    public static List<ObjectChange.ObjectChanged> split(ObjectChange.ObjectChanged change, int maxBytes) {
        if (bytes(change) <= maxBytes) {
            return List.of(change);
        }
        int room = maxBytes - bytes(withAttributes(change, Map.of(), null, null)) - PART_NUMBERS;
        // What is too large is not a list of values (a DN, one value): there is nothing to share out
        if (room <= 0 || change.attributes().entrySet().stream().anyMatch(attribute -> attribute.getValue()
                .stream().anyMatch(value -> json(attribute.getKey()) + json(value) + 5 > room))) {
            return List.of(change);
        }
        List<Map<String, List<String>>> shares = new ArrayList<>();
        Map<String, List<String>> share = new LinkedHashMap<>();
        int used = 0;
        for (Map.Entry<String, List<String>> attribute : change.attributes().entrySet()) {
            int name = json(attribute.getKey()) + 4; // "name":[],
            if (!share.isEmpty() && used + name > room) {
                shares.add(share);
                share = new LinkedHashMap<>();
                used = 0;
            }
            List<String> values = share.computeIfAbsent(attribute.getKey(), key -> new ArrayList<>());
            used += name;
            for (String value : attribute.getValue()) {
                int size = json(value) + 1;
                if (used + size > room && used > name) {
                    shares.add(share);
                    share = new LinkedHashMap<>();
                    values = share.computeIfAbsent(attribute.getKey(), key -> new ArrayList<>());
                    used = name;
                }
                values.add(value);
                used += size;
            }
        }
        shares.add(share);
        List<ObjectChange.ObjectChanged> parts = new ArrayList<>(shares.size());
        for (int i = 0; i < shares.size(); i++) {
            parts.add(withAttributes(change, shares.get(i), i + 1, shares.size()));
        }
        return parts;
    }

    /** The whole change from all its parts, in any order. */
    public static ObjectChange.ObjectChanged assemble(List<ObjectChange.ObjectChanged> parts) {
        List<ObjectChange.ObjectChanged> ordered = parts.stream()
                .sorted(Comparator.comparing(ObjectChange.ObjectChanged::part)).toList();
        ObjectChange.ObjectChanged first = ordered.get(0);
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).part() != i + 1 || ordered.size() != first.parts()) {
                throw new IllegalArgumentException("the parts of " + first.anchor() + " are not 1 to "
                        + first.parts());
            }
        }
        Map<String, List<String>> image = new LinkedHashMap<>();
        for (ObjectChange.ObjectChanged part : ordered) {
            part.attributes().forEach((name, values) -> image.computeIfAbsent(name, n -> new ArrayList<>())
                    .addAll(values));
        }
        return withAttributes(first, image, null, null);
    }

    private static ObjectChange.ObjectChanged withAttributes(ObjectChange.ObjectChanged change,
                                                             Map<String, List<String>> attributes, Integer part,
                                                             Integer parts) {
        return new ObjectChange.ObjectChanged(change.eventId(), change.occurredAt(), change.jobId(),
                change.cycleId(), change.objectType(), change.anchor(), change.dn(), change.deleted(), attributes,
                part, parts);
    }

    private static int bytes(Event event) {
        return EventCodec.encode(event).getBytes(StandardCharsets.UTF_8).length;
    }

    /** The size of a string encoded as a JSON string. */
    private static int json(String value) {
        try {
            return EventCodec.mapper().writeValueAsBytes(value).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a string", e);
        }
    }
}
