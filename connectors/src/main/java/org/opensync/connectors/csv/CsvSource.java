package org.opensync.connectors.csv;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A job's CSV source, from its secrets: {@code CsvPath} (a file inside the inbox directory), {@code CsvKeyColumn},
 * and optionally {@code CsvDelimiter} ({@code ,}; one character, or {@code tab}), {@code CsvEncoding}
 * ({@code UTF-8}), {@code CsvMultiValueColumns} (comma-separated column names), {@code CsvMultiValueSeparator}
 * ({@code ;}) and {@code CsvMissingRows} ({@code Disable} or {@code Ignore}; {@code Disable}).
 *
 * @param file the file, resolved inside the inbox
 */
public record CsvSource(Path file, CsvSettings settings, MissingRows missingRows) {
    public static final String PATH = "CsvPath";
    public static final String KEY_COLUMN = "CsvKeyColumn";
    public static final String DELIMITER = "CsvDelimiter";
    public static final String ENCODING = "CsvEncoding";
    public static final String MULTI_VALUE_COLUMNS = "CsvMultiValueColumns";
    public static final String MULTI_VALUE_SEPARATOR = "CsvMultiValueSeparator";
    public static final String MISSING_ROWS = "CsvMissingRows";

    /**
     * @param inbox the directory CSV files are dropped in; null when none is configured (no CSV job can run)
     * @throws IllegalArgumentException naming the secret that is missing or wrong, or a path outside the inbox
     */
    public static CsvSource of(Map<String, String> secrets, Path inbox, long maxFileBytes, int maxRowChars) {
        if (inbox == null) {
            throw new IllegalArgumentException("no CSV inbox directory is configured on the change detector "
                    + "(sync.change-detector.csv-inbox)");
        }
        String path = required(secrets, PATH);
        String key = required(secrets, KEY_COLUMN);
        CsvSettings settings = new CsvSettings(delimiter(secrets.get(DELIMITER)), charset(secrets.get(ENCODING)),
                key, columns(secrets.get(MULTI_VALUE_COLUMNS)), orDefault(secrets.get(MULTI_VALUE_SEPARATOR), ";"),
                maxFileBytes, maxRowChars);
        return new CsvSource(inside(inbox, path), settings, missingRows(secrets.get(MISSING_ROWS)));
    }

    /**
     * The file named by {@code relative} inside {@code inbox}. An absolute path, {@code ..} leading out, or a symbolic
     * link pointing out of the inbox is refused: a job's secrets must not read any file the service can.
     */
    static Path inside(Path inbox, String relative) {
        Path root = inbox.toAbsolutePath().normalize();
        Path file;
        try {
            Path given = Path.of(relative.trim());
            if (given.isAbsolute()) {
                throw new IllegalArgumentException(PATH + " must be relative to the CSV inbox, not absolute");
            }
            file = root.resolve(given).normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(PATH + " is not a valid path: " + e.getReason());
        }
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException(PATH + " " + relative.trim() + " leads out of the CSV inbox");
        }
        if (Files.exists(file)) {
            try {
                if (!file.toRealPath().startsWith(root.toRealPath())) {
                    throw new IllegalArgumentException(PATH + " " + relative.trim() + " is a link out of the CSV "
                            + "inbox");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException(PATH + " " + relative.trim() + " cannot be resolved: "
                        + e.getMessage());
            }
        }
        return file;
    }

    private static String required(Map<String, String> secrets, String name) {
        String value = secrets.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the secret " + name + " is required for a CSV source");
        }
        return value.trim();
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }

    private static char delimiter(String value) {
        if (value == null || value.isEmpty()) {
            return ',';
        }
        if (value.equalsIgnoreCase("tab") || value.equals("\\t")) {
            return '\t';
        }
        if (value.length() != 1 || value.charAt(0) == '"' || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw new IllegalArgumentException(DELIMITER + " must be one character other than a quote or a line "
                    + "break, or tab");
        }
        return value.charAt(0);
    }

    private static Charset charset(String value) {
        if (value == null || value.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(value.trim());
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException(ENCODING + " " + value.trim() + " is not an encoding this service "
                    + "knows");
        }
    }

    private static Set<String> columns(String value) {
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .collect(Collectors.toSet());
    }

    private static MissingRows missingRows(String value) {
        if (value == null || value.isBlank()) {
            return MissingRows.Disable;
        }
        return Arrays.stream(MissingRows.values()).filter(mode -> mode.name().equalsIgnoreCase(value.trim()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException(MISSING_ROWS + " must be "
                        + Arrays.stream(MissingRows.values()).map(Enum::name).collect(Collectors.joining(" or "))
                        + ", not " + value.trim()));
    }
}
