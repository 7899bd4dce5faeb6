package org.opensync.connectors.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceTest {
    @TempDir
    Path inbox;

    @Test
    void defaultsAndSettingsFromTheSecrets() {
        CsvSource source = CsvSource.of(Map.of("CsvPath", "hr/people.csv", "CsvKeyColumn", "EmployeeId"), inbox,
                1000, 100);
        assertThat(source.file()).isEqualTo(inbox.toAbsolutePath().resolve("hr/people.csv"));
        assertThat(source.settings().delimiter()).isEqualTo(',');
        assertThat(source.settings().charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(source.missingRows()).isEqualTo(MissingRows.Disable);

        CsvSource tab = CsvSource.of(Map.of("CsvPath", "p.tsv", "CsvKeyColumn", "id", "CsvDelimiter", "tab",
                "CsvEncoding", "ISO-8859-1", "CsvMultiValueColumns", "groups, roles", "CsvMultiValueSeparator", "|",
                "CsvMissingRows", "ignore"), inbox, 1000, 100);
        assertThat(tab.settings().delimiter()).isEqualTo('\t');
        assertThat(tab.settings().charset()).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(tab.settings().multiValued("Groups")).isTrue();
        assertThat(tab.settings().multiValued("roles")).isTrue();
        assertThat(tab.settings().multiValueSeparator()).isEqualTo("|");
        assertThat(tab.missingRows()).isEqualTo(MissingRows.Ignore);
    }

    @Test
    void wrongSettingsNameTheSecret() {
        assertRefused(Map.of("CsvKeyColumn", "id"), "the secret CsvPath is required");
        assertRefused(Map.of("CsvPath", "a.csv"), "the secret CsvKeyColumn is required");
        assertRefused(Map.of("CsvPath", "a.csv", "CsvKeyColumn", "id", "CsvDelimiter", ";;"), "CsvDelimiter must be");
        assertRefused(Map.of("CsvPath", "a.csv", "CsvKeyColumn", "id", "CsvEncoding", "klingon"),
                "CsvEncoding klingon is not an encoding");
        assertRefused(Map.of("CsvPath", "a.csv", "CsvKeyColumn", "id", "CsvMissingRows", "Delete"),
                "CsvMissingRows must be Disable or Ignore, not Delete");
        assertThatThrownBy(() -> CsvSource.of(Map.of("CsvPath", "a.csv", "CsvKeyColumn", "id"), null, 1, 1))
                .hasMessageContaining("sync.change-detector.csv-inbox");
    }

    @Test
    void aPathLeadingOutOfTheInboxIsRefused() throws IOException {
        assertRefused(Map.of("CsvPath", "../etc/passwd", "CsvKeyColumn", "id"), "leads out of the CSV inbox");
        assertRefused(Map.of("CsvPath", "hr/../../x.csv", "CsvKeyColumn", "id"), "leads out of the CSV inbox");
        assertRefused(Map.of("CsvPath", ".", "CsvKeyColumn", "id"), "leads out of the CSV inbox");
        assertRefused(Map.of("CsvPath", "/etc/passwd", "CsvKeyColumn", "id"), "must be relative");
        Path outside = Files.createTempFile("outside", ".csv");
        try {
            Files.createSymbolicLink(inbox.resolve("link.csv"), outside);
            assertRefused(Map.of("CsvPath", "link.csv", "CsvKeyColumn", "id"), "is a link out of the CSV inbox");
        } finally {
            Files.delete(outside);
        }
        assertThat(CsvSource.of(Map.of("CsvPath", "hr/../ok.csv", "CsvKeyColumn", "id"), inbox, 1, 1).file())
                .isEqualTo(inbox.toAbsolutePath().resolve("ok.csv"));
    }

    private void assertRefused(Map<String, String> secrets, String message) {
        assertThatThrownBy(() -> CsvSource.of(secrets, inbox, 1000, 100))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
