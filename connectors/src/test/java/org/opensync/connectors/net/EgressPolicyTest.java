package org.opensync.connectors.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class EgressPolicyTest {

    private final EgressPolicy strict = EgressPolicy.defaults();

    @Test
    void loopbackIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> strict.check("127.0.0.1", 389)).isInstanceOf(EgressDeniedException.class)
                .hasMessage("Egress policy refused 127.0.0.1:389: loopback addresses are not allowed "
                        + "(sync.egress.allow-loopback)");
        assertThatThrownBy(() -> strict.check("127.8.9.10", 389)).hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.check("[::1]", 389)).hasMessageStartingWith("Egress policy refused [::1]:389")
                .hasMessageContaining("loopback");
        assertThatCode(() -> EgressPolicy.of(EgressSettings.loopbackAllowed()).check("127.0.0.1", 389))
                .doesNotThrowAnyException();
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedLikeTheAddress() {
        assertThatThrownBy(() -> strict.check("localhost", 636))
                .hasMessageStartingWith("Egress policy refused localhost:636 (resolves to ")
                .hasMessageContaining("loopback addresses are not allowed");
        assertThatThrownBy(() -> strict.check(URI.create("http://LOCALHOST./scim"))).hasMessageContaining(":80 ");
    }

    @Test
    void linkLocalAndCloudMetadataAreAlwaysRefused() {
        EgressPolicy lenient = EgressPolicy.of(new EgressSettings(true, true, List.of(), List.of()));
        for (String host : List.of("169.254.169.254", "169.254.1.1", "[fe80::1]", "fd00:ec2::254", "100.100.100.200",
                "metadata.google.internal", "Metadata.Google.Internal.")) {
            assertThatThrownBy(() -> lenient.check(host, 80)).as(host).isInstanceOf(EgressDeniedException.class)
                    .hasMessageContaining("link-local and cloud metadata addresses are not allowed (sync.egress)");
        }
        assertThatThrownBy(() -> lenient.check(URI.create("http://169.254.169.254/latest/meta-data")))
                .hasMessage("Egress policy refused 169.254.169.254:80: link-local and cloud metadata addresses are "
                        + "not allowed (sync.egress)");
    }

    @Test
    void unspecifiedBroadcastMulticastAndIpv4CompatibleFormsAreRefused() {
        EgressPolicy lenient = EgressPolicy.of(new EgressSettings(true, true, List.of(), List.of()));
        for (String host : List.of("0.0.0.0", "0.1.2.3", "[::]", "255.255.255.255", "224.0.0.1", "[ff02::1]")) {
            assertThatThrownBy(() -> lenient.check(host, 80)).as(host)
                    .hasMessageContaining("unspecified, broadcast and multicast");
        }
        assertThatThrownBy(() -> strict.check("::127.0.0.1", 80)).hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.check("::ffff:169.254.169.254", 80)).hasMessageContaining("metadata");
        assertThatThrownBy(() -> strict.check("", 80)).hasMessageContaining("names no host");
    }

    @Test
    void platformPortsAreRefusedOnAnyHost() {
        for (int port : new int[] {5432, 8081, 8083, 8085, 9092, 9094, 8180}) {
            assertThatThrownBy(() -> strict.check("192.0.2.10", port)).as("port " + port)
                    .hasMessage("Egress policy refused 192.0.2.10:" + port + ": port " + port + " belongs to the "
                            + "platform or its infrastructure (sync.egress.denied-ports)");
        }
        assertThatCode(() -> strict.check("192.0.2.10", 8086)).doesNotThrowAnyException();
        assertThatCode(() -> strict.check(URI.create("https://192.0.2.10/scim"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> EgressPolicy.of(new EgressSettings(false, true, List.of("90-80"), List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("denied-ports");
    }

    @Test
    void privateRangesAreAllowedByDefaultAndCanBeRefused() {
        assertThatCode(() -> strict.check("10.1.2.3", 389)).doesNotThrowAnyException();
        assertThatCode(() -> strict.check("[fd12::1]", 389)).doesNotThrowAnyException();
        EgressPolicy publicOnly = EgressPolicy.of(new EgressSettings(false, false, List.of(), List.of()));
        for (String host : List.of("10.1.2.3", "172.31.0.1", "192.168.1.1", "100.64.0.1", "[fd12::1]")) {
            assertThatThrownBy(() -> publicOnly.check(host, 389)).as(host)
                    .hasMessageContaining("private addresses are not allowed (sync.egress.allow-private)");
        }
        assertThatCode(() -> publicOnly.check("172.32.0.1", 389)).doesNotThrowAnyException();
    }

    @Test
    void deniedHostsTakeNamesSubdomainsAddressesAndRanges() {
        EgressPolicy policy = EgressPolicy.of(new EgressSettings(false, true, List.of(),
                List.of("corp.internal", "10.20.0.0/16", "192.0.2.7", "2001:db8::/32")));
        assertThatThrownBy(() -> policy.check("CORP.internal", 443)).hasMessageContaining("listed in sync.egress.denied-hosts");
        assertThatThrownBy(() -> policy.check("vault.corp.internal", 443)).hasMessageContaining("denied-hosts");
        assertThatThrownBy(() -> policy.check("10.20.30.40", 443)).hasMessageContaining("denied-hosts");
        assertThatThrownBy(() -> policy.check("192.0.2.7", 443)).hasMessageContaining("denied-hosts");
        assertThatThrownBy(() -> policy.check("[2001:db8::5]", 443)).hasMessageContaining("denied-hosts");
        assertThatCode(() -> policy.check("10.21.0.1", 443)).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("192.0.2.8", 443)).doesNotThrowAnyException();
    }

    @Test
    void checksTheAddressAConnectorResolvedItself() throws Exception {
        assertThatThrownBy(() -> strict.checkAddress("dc1.example.org", 389, InetAddress.getByName("127.0.0.2")))
                .hasMessage("Egress policy refused dc1.example.org:389 (resolves to 127.0.0.2): loopback addresses "
                        + "are not allowed (sync.egress.allow-loopback)");
        assertThatCode(() -> strict.checkAddress("dc1.example.org", 389, InetAddress.getByName("192.0.2.1")))
                .doesNotThrowAnyException();
    }

    @Test
    void anUnresolvableNameIsLeftToTheConnectionToFail() {
        assertThat(strict.check("no-such-host.invalid", 443)).isEmpty();
    }

    @Test
    void findsARefusalInACauseChain() {
        EgressDeniedException denied = new EgressDeniedException("no");
        assertThat(EgressDeniedException.in(new RuntimeException(new IllegalStateException(denied)))).isSameAs(denied);
        assertThat(EgressDeniedException.in(new RuntimeException("other"))).isNull();
    }
}
