package org.opensync.common.stats;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Keeps PostgreSQL's statistics of the tables a cycle fills (a row per object) close to what they hold. Autovacuum
 * analyzes a table at most about once a minute, so during an initial cycle the planner believed a table of 50,000
 * links held 70, and looked DNs and anchors up by reading every row of the job (3 ms a DN lookup on average at
 * 50,000 users, up to 1.3 s for a page of anchors; growing with the table). Here a table is analyzed again once as
 * many rows were written as it held at its last analysis (at least {@link #MIN_ROWS}): a handful of analyses per
 * cycle, each a bounded sample, on a thread of its own so that no writer waits for it.
 */
@ApplicationScoped
public class TableStatistics {
    public static final long MIN_ROWS = 1_000;
    private static final Logger LOG = Logger.getLogger(TableStatistics.class);
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DataSource dataSource;
    private final Map<String, Table> tables = new ConcurrentHashMap<>();
    private final ExecutorService analyzer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "table-statistics");
        thread.setDaemon(true);
        return thread;
    });

    @Inject
    public TableStatistics(AgroalDataSource dataSource) {
        this((DataSource) dataSource);
    }

    public TableStatistics(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        analyzer.shutdownNow();
    }

    /** Counts rows written to {@code table} (a name of the service's own schema) and analyzes it when they add up. */
    public void written(String table, long rows) {
        if (!NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        Table state = tables.computeIfAbsent(table, Table::new);
        if (state.written.addAndGet(rows) >= Math.max(MIN_ROWS, state.rowsAtAnalysis)
                && state.analyzing.compareAndSet(false, true)) {
            state.written.set(0);
            analyzer.execute(state::analyze);
        }
    }

    /** How many rows the table held by its last analysis here, or 0 before one. */
    public long rowsAtAnalysis(String table) {
        Table state = tables.get(table);
        return state == null ? 0 : state.rowsAtAnalysis;
    }

    /** Whether an analysis is under way or waiting. */
    public boolean analyzing(String table) {
        Table state = tables.get(table);
        return state != null && state.analyzing.get();
    }

    private final class Table {
        private final String name;
        private final AtomicLong written = new AtomicLong();
        private final AtomicBoolean analyzing = new AtomicBoolean();
        private volatile long rowsAtAnalysis;

        Table(String name) {
            this.name = name;
        }

        void analyze() {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("analyze " + name);
                }
                try (PreparedStatement rows = connection.prepareStatement(
                        "select reltuples::bigint from pg_class where oid = to_regclass(?)")) {
                    rows.setString(1, name);
                    try (ResultSet row = rows.executeQuery()) {
                        rowsAtAnalysis = row.next() ? Math.max(0, row.getLong(1)) : 0;
                    }
                }
            } catch (SQLException e) {
                // Nothing is lost, the planner's estimates stay older: the next attempt comes after as many rows again
                LOG.warnf("could not analyze %s (%s); its statistics are older than they could be", name,
                        e.getMessage());
            } finally {
                analyzing.set(false);
            }
        }
    }
}
