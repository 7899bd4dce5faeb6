package org.opensync.sandbox.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.schema.EntryValidator;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LdifExportTest {

    @TempDir
    Path dir;

    @Test
    void writesParentsFirstSchemaValidEntriesThatMatchTheGenerator() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(30, 4);
        Path file = dir.resolve("directory.ldif");
        LdifExport.write(data, file);

        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(file.toFile())) {
            for (Entry entry = reader.readEntry(); entry != null; entry = reader.readEntry()) {
                entries.add(entry);
            }
        }
        assertThat(entries).hasSize(3 + 30 + 4);
        assertThat(entries.subList(0, 3)).extracting(Entry::getDN)
                .containsExactly(DirectoryLayout.BASE_DN, DirectoryLayout.PEOPLE_DN, DirectoryLayout.GROUPS_DN);
        assertThat(entries.get(3 + 7)).isEqualTo(data.users().get(7).toEntry());
        assertThat(entries.get(3 + 30 + 2)).isEqualTo(data.groups().get(2).toEntry());

        // The checks slapadd makes against core/cosine/inetorgperson: object classes, required and allowed attributes.
        EntryValidator validator = new EntryValidator(Schema.getDefaultStandardSchema());
        for (Entry entry : entries) {
            List<String> problems = new ArrayList<>();
            assertThat(validator.entryIsValid(entry, problems)).as(entry.getDN() + ": " + problems).isTrue();
        }
    }

    @Test
    void nonAsciiNamesSurviveTheRoundTrip() throws Exception {
        DirectoryData data = new DirectoryDataGenerator().generate(200, 1);
        GeneratedUser accented = data.users().stream()
                .filter(u -> !u.surname().chars().allMatch(c -> c < 128))
                .findFirst().orElseThrow();
        Path file = dir.resolve("accents.ldif");
        LdifExport.write(data, file);
        try (LDIFReader reader = new LDIFReader(file.toFile())) {
            Entry entry;
            while ((entry = reader.readEntry()) != null && !entry.getDN().equals(accented.dn())) {
                // skip to the accented user
            }
            assertThat(entry).isNotNull();
            assertThat(entry.getAttributeValue("sn")).isEqualTo(accented.surname());
            assertThat(accented.mail()).matches("[a-z]+\\.[a-z]+\\d+@example\\.org");
        }
    }
}
