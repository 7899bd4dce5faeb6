package org.opensync.jobapi.ondemand;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.jobapi.config.JobApiConfig;

/**
 * Graph's limit on provisionOnDemand, per job: at most {@code requests-per-window} requests in any sliding window,
 * counted in job-api's database so that it holds however many instances serve the job. Each request locks its job's
 * row for one short transaction, so concurrent requests for one job are decided one after the other; rows of jobs
 * without a request within the window are removed, so the table holds only the jobs asked about in one window.
 */
@ApplicationScoped
public class OnDemandRateLimit {
    private static final String ENSURE_ROW = "insert into on_demand_request (job_id, recent, last_request) "
            + "values (?, '{}', ?) on conflict (job_id) do nothing";
    private static final String LOCK_ROW = "select recent from on_demand_request where job_id = ? for update";
    private static final String UPDATE_ROW = "update on_demand_request set recent = ?, last_request = ? "
            + "where job_id = ?";
    /** Rows another request holds are left for a later one: forgetting is never worth a wait. */
    private static final String FORGET = "delete from on_demand_request where job_id in (select job_id from "
            + "on_demand_request where last_request <= ? and job_id <> ? for update skip locked)";

    private final DataSource database;
    private final int limit;
    private final Duration window;
    private final Clock clock;

    @Inject
    public OnDemandRateLimit(DataSource database, JobApiConfig config) {
        this(database, config.onDemand().requestsPerWindow(), config.onDemand().window(), Clock.systemUTC());
    }

    OnDemandRateLimit(DataSource database, int limit, Duration window, Clock clock) {
        this.database = database;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts the request when it is allowed; otherwise how long until it would be. */
    public Optional<Duration> tryAcquire(String jobId) {
        // the database keeps microseconds: times compare as stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                SlidingWindow decision = SlidingWindow.decide(lock(connection, jobId, now), now, limit, window);
                if (decision.retryAfter().isEmpty()) {
                    update(connection, jobId, decision.recent(), now);
                }
                forgetIdle(connection, jobId, now.minus(window));
                connection.commit();
                return decision.retryAfter();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new GraphException(503, ErrorCode.UNAVAILABLE, "The request budget of this job could not be read; "
                    + "retry shortly.", null).retryAfter(Duration.ofSeconds(1));
        }
    }

    private static List<Instant> lock(Connection connection, String jobId, Instant now) throws SQLException {
        try (PreparedStatement ensure = connection.prepareStatement(ENSURE_ROW)) {
            ensure.setString(1, jobId);
            ensure.setTimestamp(2, Timestamp.from(now));
            ensure.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(LOCK_ROW)) {
            select.setString(1, jobId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return Arrays.stream((Timestamp[]) row.getArray(1).getArray()).map(Timestamp::toInstant).toList();
            }
        }
    }

    private static void update(Connection connection, String jobId, List<Instant> recent, Instant now)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(UPDATE_ROW)) {
            Array times = connection.createArrayOf("timestamptz", recent.stream().map(Timestamp::from).toArray());
            update.setArray(1, times);
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, jobId);
            update.executeUpdate();
        }
    }

    private static void forgetIdle(Connection connection, String jobId, Instant since) throws SQLException {
        try (PreparedStatement forget = connection.prepareStatement(FORGET)) {
            forget.setTimestamp(1, Timestamp.from(since));
            forget.setString(2, jobId);
            forget.executeUpdate();
        }
    }
}
