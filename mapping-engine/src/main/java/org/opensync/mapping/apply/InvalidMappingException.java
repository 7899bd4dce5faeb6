package org.opensync.mapping.apply;

import java.util.List;

/** An object mapping that cannot be compiled; schema validation reports these as HTTP 400. */
public final class InvalidMappingException extends RuntimeException {
    private final List<String> problems;

    InvalidMappingException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem starts with the JSON path of the offending element, e.g. {@code attributeMappings[3].source}. */
    public List<String> problems() {
        return problems;
    }
}
