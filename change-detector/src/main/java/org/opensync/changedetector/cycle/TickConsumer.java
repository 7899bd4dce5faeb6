package org.opensync.changedetector.cycle;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.opensync.common.events.Tick;
import org.opensync.common.inbox.Inbox;

/**
 * Hands every tick, once, to the {@link CycleRunner}: the tick id is recorded in the inbox and the tick is
 * acknowledged at once, while its cycle runs in the background (a cycle can outlast any acknowledgement timeout).
 */
@ApplicationScoped
public class TickConsumer {
    private static final String CONSUMER = "change-detector.ticks";

    private final Inbox inbox;
    private final CycleRunner cycles;

    @Inject
    public TickConsumer(Inbox inbox, CycleRunner cycles) {
        this.inbox = inbox;
        this.cycles = cycles;
    }

    @Incoming("ticks")
    @Blocking
    public void onTick(ConsumerRecord<String, String> record) {
        QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(CONSUMER, record, Tick.class))
                .ifPresent(cycles::submit);
    }
}
