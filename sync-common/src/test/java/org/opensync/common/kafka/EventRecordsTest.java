package org.opensync.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventHeaders;
import org.opensync.common.events.UnreadableEventException;
import org.opensync.common.secrets.SecretsChanged;

/** A record's version comes from its header where it has one, so its payload is not scanned for it. */
class EventRecordsTest {
    private static final SecretsChanged EVENT = new SecretsChanged("e", Instant.parse("2026-11-26T05:31:04Z"), "sp",
            "s", 3L);

    @Test
    void whatARecordCarriesDecodesAsTheEventPublished() {
        assertThat(EventRecords.decode(consumed(EventRecords.of("sync.secrets", null, EVENT)), SecretsChanged.class))
                .isEqualTo(EVENT);
    }

    @Test
    void theDeclaredVersionDecidesAndWithoutAReadableOneThePayloadDoes() {
        ProducerRecord<String, String> newer = EventRecords.of("sync.secrets", null, EVENT);
        newer.headers().remove(EventHeaders.EVENT_VERSION).add(EventHeaders.EVENT_VERSION, bytes("2"));
        assertThatThrownBy(() -> EventRecords.decode(consumed(newer), SecretsChanged.class))
                .isInstanceOf(UnreadableEventException.class).hasMessageContaining("payload version 2 is newer");

        String newerPayload = newer.value().replace("\"version\":1", "\"version\":2");
        for (String header : new String[]{null, "two"}) {
            ProducerRecord<String, String> record = new ProducerRecord<>("sync.secrets", "sp", newerPayload);
            if (header != null) {
                record.headers().add(EventHeaders.EVENT_VERSION, bytes(header));
            }
            assertThatThrownBy(() -> EventRecords.decode(consumed(record), SecretsChanged.class))
                    .as("header %s", header).isInstanceOf(UnreadableEventException.class)
                    .hasMessageContaining("payload version 2 is newer");
        }
    }

    private static ConsumerRecord<String, String> consumed(ProducerRecord<String, String> sent) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(sent.topic(), 0, 0L, sent.key(), sent.value());
        sent.headers().forEach(header -> record.headers().add(header));
        return record;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
