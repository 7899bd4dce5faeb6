package org.opensync.changedetector;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.Event;
import org.opensync.common.events.EventCodec;
import org.opensync.common.events.JobSchemaPublished;
import org.opensync.common.mirror.SchemaMirror;
import org.opensync.common.mirror.SecretsMirror;
import org.opensync.common.secrets.SecretBox;
import org.opensync.common.secrets.SecretsChanged;

/**
 * The mirrors on this service's database keep the newest schema and secret set whatever order their records arrive
 * in: a re-delivered or overtaken older record never replaces a newer one; records without a number still apply.
 */
@QuarkusTest
class MirrorOrderTest {
    @Inject
    SchemaMirror schemas;

    @Inject
    SecretsMirror secrets;

    @Test
    void anOlderSchemaRevisionNeverReplacesANewerOne() {
        String jobId = "scim.mirror." + UUID.randomUUID();
        applySchema(schema(jobId, "date:2", 2L));
        applySchema(schema(jobId, "date:1", 1L));
        assertThat(schemas.schemaOf(jobId).orElseThrow().version()).isEqualTo("date:2");

        applySchema(schema(jobId, "date:2", 2L));
        assertThat(schemas.schemaOf(jobId).orElseThrow().version()).isEqualTo("date:2");
        applySchema(schema(jobId, "date:3", 3L));
        assertThat(schemas.schemaOf(jobId).orElseThrow().version()).isEqualTo("date:3");

        applySchema(schema(jobId, "legacy", null));
        assertThat(schemas.schemaOf(jobId).orElseThrow().version()).isEqualTo("legacy");
        applySchema(schema(jobId, "date:0", 0L));
        assertThat(schemas.schemaOf(jobId).orElseThrow().version()).isEqualTo("date:0");
    }

    @Test
    void anOlderSecretsVersionNeverReplacesANewerOne() {
        String spId = UUID.randomUUID().toString();
        applySecrets(secrets(spId, "v5", 5L));
        applySecrets(secrets(spId, "v4", 4L));
        assertThat(secrets.secretsOf(spId).orElseThrow()).containsEntry("BaseAddress", "v5");

        applySecrets(secrets(spId, "v6", 6L));
        assertThat(secrets.secretsOf(spId).orElseThrow()).containsEntry("BaseAddress", "v6");

        applySecrets(secrets(spId, "legacy", null));
        assertThat(secrets.secretsOf(spId).orElseThrow()).containsEntry("BaseAddress", "legacy");
    }

    private void applySchema(JobSchemaPublished published) {
        QuarkusTransaction.requiringNew().run(() -> schemas.apply(record(published)));
    }

    private void applySecrets(SecretsChanged changed) {
        QuarkusTransaction.requiringNew().run(() -> secrets.apply(record(changed)));
    }

    private static JobSchemaPublished schema(String jobId, String version, Long revision) {
        return new JobSchemaPublished(UUID.randomUUID().toString(), Instant.now(), jobId, "sp", "scim", version,
                JsonNodeFactory.instance.objectNode().put("version", version), revision);
    }

    private static SecretsChanged secrets(String spId, String baseAddress, Long version) {
        String plain = "[{\"key\":\"BaseAddress\",\"value\":\"" + baseAddress + "\"}]";
        return new SecretsChanged(UUID.randomUUID().toString(), Instant.now(), spId,
                new SecretBox(SourceJob.TRANSPORT_KEY, List.of()).seal(plain, spId), version);
    }

    private static ConsumerRecord<String, String> record(Event event) {
        return new ConsumerRecord<>("mirror", 0, 0L, event.key(), EventCodec.encode(event));
    }
}
