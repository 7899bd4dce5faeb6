package org.opensync.common.web;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.StaleStateException;

/**
 * Recognises, anywhere in a failure's cause chain, the database telling that a concurrent request won: a unique
 * constraint (two creations of the same thing), a foreign key (its parent was deleted meanwhile), a serialization
 * failure or deadlock, or an optimistic version check. These are 409s, not internal errors.
 */
public final class DatabaseConflicts {
    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";
    static final String SERIALIZATION_FAILURE = "40001";
    static final String DEADLOCK_DETECTED = "40P01";

    private static final Pattern CONSTRAINT = Pattern.compile("constraint \"([^\"]+)\"");
    private static final Pattern DETAIL = Pattern.compile("Detail: ([^\\n]*)");

    /** What was found: the SQL state ({@code null} for an optimistic version check), constraint and detail. */
    public record Conflict(String sqlState, String constraint, String detail) {
        public boolean uniqueViolation() {
            return UNIQUE_VIOLATION.equals(sqlState);
        }

        /**
         * Whether the same work in a new transaction can succeed: it lost a race on a row (version check,
         * serialization failure, deadlock), as opposed to a constraint that will refuse it again.
         */
        public boolean lostRace() {
            return sqlState == null || SERIALIZATION_FAILURE.equals(sqlState) || DEADLOCK_DETECTED.equals(sqlState);
        }
    }

    private DatabaseConflicts() {
    }

    public static Optional<Conflict> of(Throwable failure) {
        for (Throwable t : SqlFailures.causes(failure)) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return Optional.of(new Conflict(null, null, null));
            }
        }
        return SqlFailures.find(failure, e -> classify(e).isPresent()).flatMap(DatabaseConflicts::classify);
    }

    private static Optional<Conflict> classify(SQLException e) {
        String state = e.getSQLState();
        if (!UNIQUE_VIOLATION.equals(state) && !FOREIGN_KEY_VIOLATION.equals(state)
                && !SERIALIZATION_FAILURE.equals(state) && !DEADLOCK_DETECTED.equals(state)) {
            return Optional.empty();
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher constraint = CONSTRAINT.matcher(message);
        Matcher detail = DETAIL.matcher(message);
        return Optional.of(new Conflict(state, constraint.find() ? constraint.group(1) : null,
                detail.find() ? detail.group(1).trim() : null));
    }
}
