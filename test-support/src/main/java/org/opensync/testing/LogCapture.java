package org.opensync.testing;

import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;

/**
 * Every log record of the service while installed, formatted, with its exceptions: for tests that prove a secret is
 * never logged.
 */
public final class LogCapture extends Handler implements AutoCloseable {
    private final StringBuffer text = new StringBuffer();

    /** Captures from now until {@link #close()}. */
    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        text.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage())
                .append('\n');
        for (Throwable thrown = record.getThrown(); thrown != null; thrown = thrown.getCause()) {
            text.append(thrown).append('\n');
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }

    public String text() {
        return text.toString();
    }
}
