package org.opensync.changedetector.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

class AcknowledgementsTest {
    private final Acknowledgements<String> acknowledgements = new Acknowledgements<>();

    @Test
    void sortsStatesByKafkasAnswer() {
        acknowledgements.track("written").onCompletion(null, null);
        acknowledgements.track("too large").onCompletion(null, new RecordTooLargeException("too large"));
        acknowledgements.track("timed out").onCompletion(null, new TimeoutException("broker down"));

        Acknowledgements.Completed<String> completed = acknowledgements.drain();
        assertThat(completed.acknowledged()).containsExactly("written");
        assertThat(completed.failed()).containsExactly("too large", "timed out");
    }

    @Test
    void aRecordStillInFlightIsNeitherAcknowledgedNorFailed() {
        Callback later = acknowledgements.track("in flight");
        assertThat(acknowledgements.drain().acknowledged()).isEmpty();

        later.onCompletion(null, null);
        assertThat(acknowledgements.drain().acknowledged()).containsExactly("in flight");
    }

    @Test
    void aDrainHandsOverEachStateOnce() {
        acknowledgements.track("deletion").onCompletion(null, null);
        assertThat(acknowledgements.drain().acknowledged()).containsExactly("deletion");

        Acknowledgements.Completed<String> next = acknowledgements.drain();
        assertThat(next.acknowledged()).isEmpty();
        assertThat(next.failed()).isEmpty();
    }
}
