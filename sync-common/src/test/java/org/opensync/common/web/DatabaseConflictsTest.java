package org.opensync.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.OptimisticLockException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseConflictsTest {

    @Test
    void aUniqueViolationDeepInTheCauseChainIsAConflictWithItsConstraintAndDetail() {
        SQLException unique = new SQLException("ERROR: duplicate key value violates unique constraint "
                + "\"service_principal_app_id_key\"\n  Detail: Key (app_id)=(5b0c) already exists.", "23505");
        RuntimeException failure = new RuntimeException("commit failed", new IllegalStateException(unique));
        DatabaseConflicts.Conflict conflict = DatabaseConflicts.of(failure).orElseThrow();
        assertTrue(conflict.uniqueViolation());
        assertEquals("service_principal_app_id_key", conflict.constraint());
        assertEquals("Key (app_id)=(5b0c) already exists.", conflict.detail());
    }

    @Test
    void batchedStatementsAreSearchedThroughTheirNextExceptions() {
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", "23505", new int[0]);
        batch.setNextException(new SQLException("ERROR: duplicate key value violates unique constraint \"x_key\"",
                "23505"));
        assertTrue(DatabaseConflicts.of(batch).orElseThrow().uniqueViolation());
    }

    @Test
    void concurrencyFailuresAreConflictsOtherFailuresAreNot() {
        assertTrue(DatabaseConflicts.of(new SQLException("could not serialize access", "40001")).isPresent());
        assertTrue(DatabaseConflicts.of(new SQLException("deadlock detected", "40P01")).isPresent());
        assertTrue(DatabaseConflicts.of(new RuntimeException(new OptimisticLockException("stale"))).isPresent());
        assertFalse(DatabaseConflicts.of(new SQLException("connection refused", "08001")).isPresent());
        assertFalse(DatabaseConflicts.of(new IllegalStateException("boom")).isPresent());
    }
}
