package org.opensync.common.mirror;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobSchemaPublished;
import org.opensync.common.secrets.SecretsChanged;

/** Configuration events carry the number the mirrors order them by; records published before still decode. */
class VersionedConfigurationEventsTest {

    @Test
    void schemaRevisionTravels() {
        JobSchemaPublished published = new JobSchemaPublished("e", Instant.EPOCH, "job", "sp", "scim", "date:x",
                JsonNodeFactory.instance.objectNode(), 7L);
        assertEquals(7L, EventCodec.decode(EventCodec.encode(published), JobSchemaPublished.class).schemaRevision());
    }

    @Test
    void secretsVersionTravels() {
        SecretsChanged changed = new SecretsChanged("e", Instant.EPOCH, "sp", "sealed", 3L);
        assertEquals(3L, EventCodec.decode(EventCodec.encode(changed), SecretsChanged.class).secretsVersion());
    }

    @Test
    void recordsWithoutANumberDecodeAsLegacy() {
        assertNull(EventCodec.decode("""
                {"eventId":"e","occurredAt":"2026-11-26T05:31:04Z","jobId":"job","servicePrincipalId":"sp",
                 "templateId":"scim","schemaVersion":"date:x","schema":{},"type":"JobSchemaPublished","version":1}""",
                JobSchemaPublished.class).schemaRevision());
        assertNull(EventCodec.decode("""
                {"eventId":"e","occurredAt":"2026-11-26T05:31:04Z","servicePrincipalId":"sp","sealed":"s",
                 "type":"SecretsChanged","version":1}""", SecretsChanged.class).secretsVersion());
    }
}
