package org.opensync.provisioner.ondemand;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.ldap.LdapSecrets;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.ldap.LdapSource;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.sandbox.directory.SlapdTestDirectory;

/** The kept source connections of provision on demand, against the real slapd. */
class SourceConnectionsTest {
    private static final LdapSettings SLAPD = LdapSecrets.settings(Map.of("Server", SlapdTestDirectory.URL,
                    "UserName", SlapdTestDirectory.BIND_DN, "Password", SlapdTestDirectory.PASSWORD,
                    "Domain", SlapdTestDirectory.SUFFIX), EgressPolicy.of(EgressSettings.loopbackAllowed()), null)
            .orElseThrow();

    @Test
    void aJobsRequestsShareOneConnectionUntilItIsIdleThenItIsClosed() {
        MovingClock clock = new MovingClock();
        SourceConnections connections = new SourceConnections(Duration.ofMinutes(2), 4, clock);
        LdapSource first;
        try (SourceConnections.Lease lease = connections.lease("job-a", SLAPD)) {
            first = lease.source();
        }
        try (SourceConnections.Lease lease = connections.lease("job-a", SLAPD)) {
            assertThat(lease.source()).as("kept between requests").isSameAs(first);
            clock.advance(Duration.ofMinutes(3));
            connections.closeIdle();
            assertThat(connections.open()).as("never closed while a request uses it").isEqualTo(1);
        }
        clock.advance(Duration.ofMinutes(1));
        connections.closeIdle();
        assertThat(connections.open()).as("kept for 2 minutes after the last use").isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        connections.closeIdle();
        assertThat(connections.open()).isZero();
        try (SourceConnections.Lease lease = connections.lease("job-a", SLAPD)) {
            assertThat(lease.source()).as("connected anew after the idle close").isNotSameAs(first);
            assertThat(lease.source().capabilities()).isNotNull();
        }
        connections.closeAll();
    }

    @Test
    void changedSecretsAFailureOrTheBoundReplaceAConnection() {
        SourceConnections connections = new SourceConnections(Duration.ofMinutes(5), 2, Clock.systemUTC());
        LdapSource first;
        try (SourceConnections.Lease lease = connections.lease("job-a", SLAPD)) {
            first = lease.source();
        }
        LdapSettings otherTimeouts = SLAPD.withTimeouts(Duration.ofSeconds(7), Duration.ofSeconds(7));
        LdapSource second;
        try (SourceConnections.Lease lease = connections.lease("job-a", otherTimeouts)) {
            second = lease.source();
            assertThat(second).as("the secrets changed").isNotSameAs(first);
            lease.failed();
        }
        assertThat(connections.open()).as("a failed connection is not kept").isZero();

        for (String job : new String[]{"job-a", "job-b", "job-c"}) {
            connections.lease(job, SLAPD).close();
        }
        assertThat(connections.open()).as("at most 2 jobs kept").isEqualTo(2);
        connections.closeAll();
    }

    /** A clock the test moves forward. */
    private static final class MovingClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
