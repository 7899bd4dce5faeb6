package org.opensync.connectors.ldap;

import org.opensync.sandbox.directory.TestDirectory;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.directory.InMemoryTestDirectory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Failures are sorted into transient and configuration problems, with messages that name the cause. */
class LdapSourceErrorsTest {

    private static InMemoryTestDirectory inMemory;
    private static SlapdTestDirectory slapd;

    @BeforeAll
    static void start() {
        inMemory = new InMemoryTestDirectory();
        slapd = new SlapdTestDirectory();
    }

    @AfterAll
    static void stop() {
        inMemory.close();
        slapd.close();
    }

    @Test
    void badCredentialsAreAConfigurationProblemOnBothServers() {
        for (TestDirectory directory : List.<TestDirectory>of(inMemory, slapd)) {
            LdapSettings good = TestSettings.of(directory);
            LdapSettings bad = new LdapSettings(good.url(), good.bindDn(), "wrong-password", good.baseDn(),
                    good.connectTimeout(), good.responseTimeout(), 1, 10, Duration.ZERO, good.egress(), false, null, null);
            assertThatThrownBy(() -> LdapSource.open(bad))
                    .isInstanceOf(LdapConfigurationException.class)
                    .hasMessageContaining("invalid credentials")
                    .hasMessageContaining("check the bind DN and password")
                    .matches(e -> !((LdapSourceException) e).transientFailure());
        }
    }

    @Test
    void aMissingBaseDnIsAConfigurationProblemOnBothServers() {
        for (TestDirectory directory : List.<TestDirectory>of(inMemory, slapd)) {
            LdapSettings good = TestSettings.of(directory);
            LdapSettings missing = new LdapSettings(good.url(), good.bindDn(), good.password(),
                    "ou=nowhere," + good.baseDn(), good.connectTimeout(), good.responseTimeout(), 1, 10, Duration.ZERO, good.egress(), false, null, null);
            assertThatThrownBy(() -> LdapSource.open(missing))
                    .isInstanceOf(LdapConfigurationException.class)
                    .hasMessageContaining("ou=nowhere")
                    .hasMessageContaining("does not exist");
        }
    }

    @Test
    void aSearchBaseThatDoesNotExistIsAConfigurationProblem() {
        try (LdapSource source = LdapSource.open(TestSettings.of(slapd))) {
            ObjectTypeQuery lost = new ObjectTypeQuery("User", "(objectClass=inetOrgPerson)", java.util.Set.of("uid"),
                    "ou=missing");
            assertThatThrownBy(() -> source.fullRead(List.of(lost), entry -> { }))
                    .isInstanceOf(LdapConfigurationException.class)
                    .hasMessageContaining("no such entry");
        }
    }

    @Test
    void anUnreachableServerIsTransient() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        LdapSettings settings = LdapSettings.of("ldap://127.0.0.1:" + closedPort, "cn=admin", "x", "dc=example,dc=org")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)).withEgress(TestSettings.LOCAL);
        assertThatThrownBy(() -> LdapSource.open(settings))
                .isInstanceOf(LdapUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .hasMessageContaining("retry later")
                .matches(e -> ((LdapSourceException) e).transientFailure());
    }

    /** A peer that accepts the connection and never answers: the response timeout turns it into a transient error. */
    @Test
    void aServerThatNeverAnswersTimesOutAsTransient() throws IOException {
        List<Socket> accepted = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            LdapSettings settings = LdapSettings.of("ldap://127.0.0.1:" + silent.getLocalPort(), "cn=admin", "x",
                    "dc=example,dc=org").withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500))
                    .withEgress(TestSettings.LOCAL);
            long start = System.nanoTime();
            assertThatThrownBy(() -> LdapSource.open(settings))
                    .isInstanceOf(LdapUnavailableException.class)
                    .hasMessageContaining("timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }
}
