package org.opensync.common.web;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Finds what the database said in a failure's cause chain (bounded, safe against cycles). */
final class SqlFailures {
    private static final int MAX_DEPTH = 32;

    private SqlFailures() {
    }

    static List<Throwable> causes(Throwable failure) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = failure; t != null && causes.size() < MAX_DEPTH && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }

    /** The first SQL exception of the chain, or chained to one by {@code getNextException}, that is {@code wanted}. */
    static Optional<SQLException> find(Throwable failure, Predicate<SQLException> wanted) {
        for (Throwable t : causes(failure)) {
            if (t instanceof SQLException sql) {
                int depth = 0;
                for (SQLException e = sql; e != null && depth < MAX_DEPTH; e = e.getNextException(), depth++) {
                    if (wanted.test(e)) {
                        return Optional.of(e);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** SQL state class 22, data exception: the database refused a value (a NUL character, a number out of range). */
    static boolean isDataException(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("22");
    }
}
