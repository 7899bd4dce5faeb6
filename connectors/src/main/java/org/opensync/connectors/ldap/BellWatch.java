package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.DisconnectType;
import com.unboundid.ldap.sdk.LDAPConnection;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What every watch shares however it learns of changes: it is open until closed once, by its owner, by a lost
 * connection or by a bell that cannot ring; a closed watch never rings again. Each watch keeps only how it watches
 * and what it holds ({@link #release}).
 */
abstract class BellWatch implements SourceWatch {
    private final ChangeBell bell;
    private final AtomicBoolean open = new AtomicBoolean(true);

    BellWatch(ChangeBell bell) {
        this.bell = bell;
    }

    @Override
    public final boolean open() {
        return open.get();
    }

    @Override
    public final void close() {
        if (open.getAndSet(false)) {
            release();
        }
    }

    /** Lets go of the connection and whatever runs on it; called once, by {@link #close}. */
    abstract void release();

    /** Rings unless closed; a bell that throws ends the watch, leaving the caller to poll by ticks. */
    final void ring() {
        if (!open.get()) {
            return;
        }
        try {
            bell.ring();
        } catch (RuntimeException e) {
            // Never thrown into the SDK's or the poller's thread: the watch is over instead
            close();
        }
    }

    /** The watch's connection went down: nothing more can be learnt from it. */
    final void disconnected(LDAPConnection closed, String host, int port, DisconnectType type, String message,
                            Throwable cause) {
        close();
    }
}
