package org.opensync.schemaservice.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SchemaVersionTest {

    @Test
    void aVersionIsLaterThanThePreviousOneEvenWhenTheClockIsNot() {
        assertThat(SchemaDocuments.nextVersionTime("date:2999-01-01T00:00:00.005Z"))
                .isEqualTo(Instant.parse("2999-01-01T00:00:00.006Z"));
        assertThat(SchemaDocuments.nextVersionTime("date:2999-01-01T00:00:00Z"))
                .isEqualTo(Instant.parse("2999-01-01T00:00:00.001Z"));
        Instant now = Instant.now();
        assertThat(SchemaDocuments.nextVersionTime("date:2000-01-01T00:00:00Z")).isAfterOrEqualTo(
                now.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(SchemaDocuments.nextVersionTime(null)).isNotNull();
        assertThat(SchemaDocuments.nextVersionTime("opaque")).isNotNull();
    }
}
