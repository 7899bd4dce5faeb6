package org.opensync.common.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

class KafkaProducersTest {

    @Test
    void aProducerWhoseNetworkThreadEndedIsReported() {
        String clientId = "health-test-" + System.nanoTime();
        KafkaProducer<String, String> producer = KafkaProducers.create(
                Map.of("bootstrap.servers", "127.0.0.1:1"), clientId);
        assertFalse(KafkaProducers.withDeadNetworkThread().contains(clientId), "running");

        producer.close(Duration.ZERO);

        assertTrue(KafkaProducers.withDeadNetworkThread().contains(clientId), "its network thread is gone");
        assertEquals(HealthCheckResponse.Status.DOWN, new ProducerThreadsHealthCheck().call().getStatus());
    }
}
