package org.opensync.common.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class TopicTailTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRecordIsOneJsonObjectWithItsValueAsJson() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-type", "JobStarted".getBytes(StandardCharsets.UTF_8));
        ConsumerRecord<String, String> record = new ConsumerRecord<>("sync.job-commands", 2, 41L, 1_764_000_000_000L,
                TimestampType.CREATE_TIME, 0, 0, "scim.1", "{\"type\":\"JobStarted\",\"interval\":\"PT30S\"}",
                headers, Optional.empty());

        JsonNode line = JSON.readTree(TopicTail.line(record));

        assertThat(line.path("partition").asInt()).isEqualTo(2);
        assertThat(line.path("offset").asLong()).isEqualTo(41);
        assertThat(line.path("key").asText()).isEqualTo("scim.1");
        assertThat(line.path("timestamp").asText()).isEqualTo("2025-11-24T16:00:00Z");
        assertThat(line.at("/headers/event-type").asText()).isEqualTo("JobStarted");
        assertThat(line.at("/value/interval").asText()).isEqualTo("PT30S");
    }

    @Test
    void aValueThatIsNotJsonAndOddKeysArePrintedAsStrings() throws Exception {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("sync.dead-letter", 0, 0, "job \"a\"\n",
                "not json {");
        JsonNode line = JSON.readTree(TopicTail.line(record));
        assertThat(line.path("key").asText()).isEqualTo("job \"a\"\n");
        assertThat(line.path("value").asText()).isEqualTo("not json {");
        assertThat(JSON.readTree(TopicTail.line(new ConsumerRecord<>("t", 0, 0, null, null))).path("value").isNull())
                .isTrue();
    }

    @Test
    void aJobsRecordsAreThoseKeyedByItsIdOrItsIdAndAnAnchor() {
        assertThat(TopicTail.ofJob("scim.1", "scim.1")).isTrue();
        assertThat(TopicTail.ofJob("scim.1:cycle", "scim.1")).isTrue();
        assertThat(TopicTail.ofJob("scim.10", "scim.1")).isFalse();
        assertThat(TopicTail.ofJob(null, "scim.1")).isFalse();
        assertThat(TopicTail.ofJob(null, null)).isTrue();
    }
}
