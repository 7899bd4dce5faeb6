package org.opensync.common.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class OutboxRelayFailureTest {

    @Test
    void recordsKafkaCanNeverTakeArePermanentFailures() {
        assertTrue(OutboxRelay.permanent(new RecordTooLargeException("1500000 bytes")));
        assertTrue(OutboxRelay.permanent(new ExecutionException(new RecordTooLargeException("too large"))));
        assertTrue(OutboxRelay.permanent(new SerializationException("bad")));
    }

    @Test
    void outagesAndTimeoutsAreRetried() {
        assertFalse(OutboxRelay.permanent(new TimeoutException("metadata")));
        assertFalse(OutboxRelay.permanent(new NetworkException("down")));
        assertFalse(OutboxRelay.permanent(new java.util.concurrent.TimeoutException()));
        assertFalse(OutboxRelay.permanent(new IllegalStateException("producer closed")));
    }
}
