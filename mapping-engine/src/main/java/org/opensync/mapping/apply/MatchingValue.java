package org.opensync.mapping.apply;

import org.opensync.mapping.value.Value;

/**
 * The value a matching attribute computes for one source object; {@code value} is null-valued when the source has
 * none, and {@code error} is set when evaluation failed.
 */
public record MatchingValue(String targetAttributeName, int matchingPriority, Value value, String error) {
    public boolean usable() {
        return error == null && !value.isNullOrEmpty();
    }
}
