package org.opensync.connectors.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {
    private static final CsvSettings SETTINGS = new CsvSettings(',', StandardCharsets.UTF_8, "EmployeeId",
            Set.of("groups"), ";", 10_000, 200);

    @TempDir
    Path dir;

    @Test
    void readsRowsByHeaderWithQuotingMultiValuesAndEmptyCellsLeftOut() throws IOException {
        Path file = write("\uFEFFEmployeeId,Name,Groups,Title\r\n"
                + "E1,\"Doe, Jane\",Sales; Staff ;,\r\n"
                + "\r\n"
                + "E2,\"Line one\nline two\",,Boss\r\n"
                + " E3 , Bo ,x,\"say \"\"hi\"\"\"\r\n", StandardCharsets.UTF_8);
        List<CsvRow> rows = read(file, SETTINGS);
        assertThat(rows).extracting(CsvRow::key).containsExactly("E1", "E2", "E3");
        assertThat(rows.get(0).values()).containsEntry("Name", List.of("Doe, Jane"))
                .containsEntry("Groups", List.of("Sales", "Staff")).doesNotContainKey("Title");
        assertThat(rows.get(1).values()).containsEntry("Name", List.of("Line one\nline two"))
                .doesNotContainKey("Groups").containsEntry("Title", List.of("Boss"));
        assertThat(rows.get(2).values()).containsEntry("EmployeeId", List.of("E3")).containsEntry("Name", List.of("Bo"))
                .containsEntry("Title", List.of("say \"hi\""));
        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 4L, 6L);
    }

    @Test
    void theChecksumIsOfTheBytesSoAnUnchangedFileHasTheSameOne() throws IOException {
        Path file = write("EmployeeId\nE1\n", StandardCharsets.UTF_8);
        String first = CsvFile.read(file, SETTINGS, row -> { });
        assertThat(CsvFile.read(file, SETTINGS, row -> { })).isEqualTo(first).hasSize(64);
        Files.writeString(file, "EmployeeId\nE2\n");
        assertThat(CsvFile.read(file, SETTINGS, row -> { })).isNotEqualTo(first);
    }

    @Test
    void anotherDelimiterAndEncoding() throws IOException {
        Charset latin1 = StandardCharsets.ISO_8859_1;
        Path file = write("id;name\n1;Jos\u00e9\n", latin1);
        List<CsvRow> rows = read(file, new CsvSettings(';', latin1, "ID", Set.of(), "|", 1000, 100));
        assertThat(rows.get(0).values()).containsEntry("name", List.of("Jos\u00e9"));
    }

    @Test
    void problemsNameTheirLine() throws IOException {
        assertFails("EmployeeId,Name\nE1,a\nE2\n", "line 3: the row has 1 cells, the header 2");
        assertFails("EmployeeId,Name\nE1,a\n,b\n", "line 3: the key column EmployeeId is empty");
        assertFails("EmployeeId,Name\nE1,a\nE2,b\nE1,c\n", "line 4: the key E1 is already on line 2");
        assertFails("Id,Name\nE1,a\n", "line 1: the header has no key column EmployeeId");
        assertFails("EmployeeId,name,Name\n", "line 1: the column Name appears twice in the header");
        assertFails("EmployeeId,,x\n", "line 1: column 2 of the header has no name");
        assertFails("", "line 1: the header row is missing");
        assertFails("EmployeeId,Name\nE1,a\nE2,\"" + "x".repeat(300) + "\"\n", "line 3:");
        assertFails("EmployeeId,Name\nE1,a\nE2,\"" + "x".repeat(150) + "\",\"" + "y".repeat(60) + "\"\n",
                "line 3: the row has 3 cells");
        assertFails("EmployeeId,Name\nE1,\"" + "y".repeat(100) + "\"\nE2,\"" + "x".repeat(199) + "\"\n",
                "line 3: the row is longer than 200 characters");
    }

    @Test
    void aFileOverTheLimitOrNotInItsEncodingIsRefused() throws IOException {
        Path big = write("EmployeeId\n" + "E1\n".repeat(4000), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(big, SETTINGS)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("more than the limit of 10000");
        Path latin1 = write("EmployeeId,Name\nE1,Jos\u00e9\n", StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(latin1, SETTINGS)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> read(dir.resolve("absent.csv"), SETTINGS)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("absent.csv does not exist");
    }

    private void assertFails(String content, String message) throws IOException {
        Path file = write(content, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(file, SETTINGS)).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining(message);
    }

    private Path write(String content, Charset charset) throws IOException {
        Path file = Files.createTempFile(dir, "hr", ".csv");
        Files.writeString(file, content, charset);
        return file;
    }

    private static List<CsvRow> read(Path file, CsvSettings settings) {
        List<CsvRow> rows = new ArrayList<>();
        CsvFile.read(file, settings, rows::add);
        return rows;
    }
}
