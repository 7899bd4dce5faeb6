package org.opensync.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

    @Test
    void aValueTheDatabaseRefusesIsFoundBehindWrappersAndChainedExceptions() {
        SQLException nul = new SQLException("ERROR: invalid byte sequence for encoding \"UTF8\": 0x00", "22021");
        SQLException batch = new SQLException("batch entry 0 failed", "08000");
        batch.setNextException(nul);
        RuntimeException failure = new RuntimeException("could not execute", new IllegalStateException(batch));
        assertEquals("22021", SqlFailures.find(failure, SqlFailures::isDataException).orElseThrow().getSQLState());
    }

    @Test
    void otherStatesAndSelfCausedChainsFindNothing() {
        RuntimeException loop = new RuntimeException() {
            @Override
            public synchronized Throwable getCause() {
                return this;
            }
        };
        assertTrue(SqlFailures.find(loop, SqlFailures::isDataException).isEmpty());
        assertTrue(SqlFailures.find(new SQLException("unique", "23505"), SqlFailures::isDataException).isEmpty());
    }
}
