package org.opensync.connectors.target;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An object found in the target: its id (what the engine links the source object to) and the values of the
 * attributes asked for, in the engine's image form (String, Boolean, Long or a list of strings).
 */
public record TargetObject(String id, Map<String, Object> image) {
    public TargetObject {
        image = Collections.unmodifiableMap(new LinkedHashMap<>(image));
    }
}
