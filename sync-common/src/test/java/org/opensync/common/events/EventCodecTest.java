package org.opensync.common.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.opensync.common.secrets.SecretsChanged;

/** Decoding binds straight from the text; the version check reads only the top level. */
class EventCodecTest {
    private static final String SECRETS_CHANGED = """
            {"eventId":"e","occurredAt":"2026-11-26T05:31:04Z","servicePrincipalId":"sp","sealed":"s",
             "secretsVersion":3,"type":"SecretsChanged",%s}""";

    @Test
    void aPayloadOfANewerVersionIsRefusedWhereverTheFieldStandsAndHoweverItIsWritten() {
        assertThatThrownBy(() -> EventCodec.decode(SECRETS_CHANGED.formatted("\"version\":2"), SecretsChanged.class))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("payload version 2 is newer");
        assertThatThrownBy(() -> EventCodec.decode("{\"version\":\"2\"," + SECRETS_CHANGED.substring(1)
                .formatted("\"x\":null"), SecretsChanged.class))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("payload version 2 is newer");
    }

    @Test
    void aVersionInsideTheEventIsNotTheEventsVersion() {
        JobSchemaPublished published = new JobSchemaPublished("e", Instant.EPOCH, "job", "sp", "scim", "date:x",
                JsonNodeFactory.instance.objectNode().put("version", 9).set("nested",
                        JsonNodeFactory.instance.arrayNode().add(JsonNodeFactory.instance.objectNode()
                                .put("version", 7))), 7L);
        assertThat(EventCodec.decode(EventCodec.encode(published), JobSchemaPublished.class)).isEqualTo(published);
    }

    @Test
    void aPayloadWithoutAVersionIsOfTheFirst() {
        assertThat(EventCodec.decode(SECRETS_CHANGED.formatted("\"other\":[1,{\"version\":5}]"), SecretsChanged.class)
                .secretsVersion()).isEqualTo(3L);
        assertThat(EventCodec.decode(SECRETS_CHANGED.formatted("\"version\":\"one\""), SecretsChanged.class)
                .sealed()).isEqualTo("s");
    }

    @Test
    void whatIsNotAnEventOfTheContractIsUnreadable() {
        for (String value : new String[]{"{not json", "[]", "42", "\"text\"", "{\"occurredAt\":\"yesterday\"}",
                SECRETS_CHANGED.formatted("\"version\":1").substring(0, 40)}) {
            assertThatThrownBy(() -> EventCodec.decode(value, SecretsChanged.class))
                    .as(value).isInstanceOf(UnreadableEventException.class).hasMessageContaining("SecretsChanged");
        }
    }
}
