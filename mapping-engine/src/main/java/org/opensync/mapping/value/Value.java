package org.opensync.mapping.value;

import java.util.Collection;
import java.util.List;

/**
 * A value produced or consumed by mapping expressions. Null (absence) is distinct from
 * the empty string. A {@link MultiValue} always holds at least two values, so a single value is never ambiguous.
 */
public sealed interface Value permits NullValue, TextValue, MultiValue, BooleanValue, IntegerValue, DateTimeValue {

    Value NULL = NullValue.INSTANCE;

    static Value text(String text) {
        return text == null ? NULL : new TextValue(text);
    }

    static Value of(Collection<String> values) {
        return switch (values.size()) {
            case 0 -> NULL;
            case 1 -> new TextValue(values.iterator().next());
            default -> new MultiValue(List.copyOf(values));
        };
    }

    default boolean isNull() {
        return false;
    }

    default boolean isMultiValued() {
        return false;
    }

    /** Null, the empty string, or (never for a well-formed multi-value) no values at all. */
    default boolean isNullOrEmpty() {
        return false;
    }

    /** Number of values: 0 for null, 1 for single values. */
    default int size() {
        return 1;
    }

    /**
     * String rendering of a single value ({@code True}/{@code False}, invariant decimal, {@code M/d/yyyy h:mm:ss tt});
     * {@code null} for null.
     *
     * @throws IllegalStateException for multi-valued values, which have no single rendering
     */
    String text();

    /** Every value rendered as text; empty for null. */
    List<String> strings();
}
