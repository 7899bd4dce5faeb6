package org.opensync.connectors.csv;

import java.util.List;
import java.util.Map;

/**
 * One data row of a CSV file.
 *
 * @param line   the line the row starts on (the header is line 1)
 * @param key    the value of the key column
 * @param values the non-empty cells by column name (a multi-valued column's values in file order)
 */
public record CsvRow(long line, String key, Map<String, List<String>> values) {
}
