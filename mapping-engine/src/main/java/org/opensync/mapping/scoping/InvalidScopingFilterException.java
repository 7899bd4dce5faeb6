package org.opensync.mapping.scoping;

import java.util.List;

/** A scoping filter that cannot be evaluated: unknown operator or attribute, missing operand, invalid regex… */
public final class InvalidScopingFilterException extends RuntimeException {
    private final List<String> problems;

    InvalidScopingFilterException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem names the offending clause by its JSON path, e.g. {@code groups[0].clauses[1]}. */
    public List<String> problems() {
        return problems;
    }
}
