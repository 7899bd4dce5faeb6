package org.opensync.provisioner.cycle;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.opensync.common.events.Event;
import org.opensync.common.kafka.EventRecords;
import org.opensync.common.kafka.KafkaProducers;

/**
 * The provisioner's records: provisioning logs and cycle outcomes. Delivery is at least once; log records have ids
 * derived from cycle and object, so a replay stores them once.
 */
@ApplicationScoped
public class Publisher {
    private static final Logger LOG = Logger.getLogger(Publisher.class);

    private final KafkaProducer<String, String> producer;

    @Inject
    public Publisher(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
                     @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        this.producer = KafkaProducers.create(kafkaConfig, applicationName + "-events");
    }

    void close(@Observes ShutdownEvent shutdown) {
        producer.close();
    }

    public void send(String topic, Event event) {
        producer.send(EventRecords.of(topic, null, event), (metadata, error) -> {
            if (error != null) {
                LOG.errorf("could not publish %s on %s: %s", event.type(), topic, error.getMessage());
            }
        });
    }

    /** Waits until everything sent so far is written, before the consumer commits its offsets. */
    public void flush() {
        producer.flush();
    }
}
