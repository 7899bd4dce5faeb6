package org.opensync.connectors.csv;

import java.nio.charset.Charset;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * How to read one CSV file: a header row names the columns, {@code keyColumn} holds each row's immutable key (the
 * anchor), and the cells of {@code multiValueColumns} hold several values split by {@code multiValueSeparator}.
 * Column names are compared case-insensitively, as attribute names are.
 *
 * @param maxFileBytes the largest file read; a larger one is refused before a row is read
 * @param maxRowChars  the most characters in a row (and in the header): bounds the memory one row takes
 */
public record CsvSettings(char delimiter, Charset charset, String keyColumn, Set<String> multiValueColumns,
                          String multiValueSeparator, long maxFileBytes, int maxRowChars) {

    public CsvSettings {
        if (keyColumn == null || keyColumn.isBlank()) {
            throw new IllegalArgumentException("the key column is required");
        }
        if (multiValueSeparator == null || multiValueSeparator.isEmpty()) {
            throw new IllegalArgumentException("the multi-value separator must not be empty");
        }
        if (multiValueSeparator.indexOf(delimiter) >= 0) {
            throw new IllegalArgumentException("the multi-value separator must differ from the delimiter");
        }
        if (maxFileBytes <= 0 || maxRowChars <= 0) {
            throw new IllegalArgumentException("the size limits must be positive");
        }
        TreeSet<String> columns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        columns.addAll(multiValueColumns);
        multiValueColumns = Collections.unmodifiableSet(columns);
        keyColumn = keyColumn.trim();
    }

    public boolean multiValued(String column) {
        return multiValueColumns.contains(column);
    }
}
