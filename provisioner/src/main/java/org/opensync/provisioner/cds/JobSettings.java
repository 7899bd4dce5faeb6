package org.opensync.provisioner.cds;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.events.JobSettingsPublished;
import org.opensync.common.inbox.EventConsumer;

/**
 * The jobs' {@code synchronizationJobSettings}, copied from the compacted topic {@code sync.job-settings} (job-api
 * owns them): the provisioner reads the deletion threshold from them. A job without a copy yet has no settings.
 */
@ApplicationScoped
public class JobSettings {
    private static final TypeReference<Map<String, String>> SETTINGS = new TypeReference<>() {
    };

    private final Jdbc jdbc;
    private final ObjectMapper mapper;
    private final EventConsumer consumer;

    @Inject
    public JobSettings(AgroalDataSource dataSource, ObjectMapper mapper, EventConsumer consumer) {
        this.jdbc = new Jdbc(dataSource);
        this.mapper = mapper;
        this.consumer = consumer;
    }

    @Incoming("job-settings")
    @Blocking
    public void onSettings(ConsumerRecord<String, String> record) {
        consumer.inTransaction("job-settings", record, () -> {
            apply(record);
            return null;
        });
    }

    /** A tombstone (deleted job) removes the copy. */
    void apply(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            jdbc.update("delete from job_settings where job_id = ?", statement -> statement.set(1, record.key()));
            return;
        }
        JobSettingsPublished published = EventRecords.decode(record, JobSettingsPublished.class);
        String json;
        try {
            json = mapper.writeValueAsString(published.settings());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("job settings cannot be written as JSON", e);
        }
        jdbc.update("""
                        insert into job_settings (job_id, settings, published_at) values (?, ?, ?::timestamptz)
                        on conflict (job_id) do update set settings = excluded.settings,
                            published_at = excluded.published_at
                        where excluded.published_at >= job_settings.published_at""",
                statement -> {
                    statement.set(1, published.jobId());
                    statement.set(2, json);
                    statement.set(3, published.occurredAt().toString());
                });
    }

    /** The job's settings by name; empty when it has none or they have not arrived yet. */
    public Map<String, String> of(String jobId) {
        return jdbc.query("select settings from job_settings where job_id = ?", statement -> statement.set(1, jobId),
                row -> read(row.getString(1))).stream().findFirst().orElse(Map.of());
    }

    private Map<String, String> read(String json) {
        try {
            return mapper.readValue(json, SETTINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job settings are unreadable: " + e.getOriginalMessage(), e);
        }
    }
}
