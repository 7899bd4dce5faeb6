package org.opensync.connectors.net;

import java.util.List;
import java.util.Objects;

/**
  * Where connectors may connect to (see {@link EgressPolicy}). Services read it from {@code sync.egress.*}.
  *
  * @param allowLoopback whether 127.0.0.0/8 and ::1 may be reached: only for a demo or tests whose directory and
  *                      application run on the same machine as the platform
  * @param allowPrivate  whether private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) may be reached:
  *                      on-premises directories and applications live there
  * @param deniedPorts   ports never connected to on any host, single ({@code 5432}) or ranges ({@code 8081-8085}):
  *                      the platform's own services and its infrastructure
  * @param deniedHosts   further destinations refused: host names (also refusing their subdomains), IP addresses and
  *                      CIDR ranges ({@code 10.20.0.0/16}); cloud metadata hosts are refused in any case
  */
public record EgressSettings(boolean allowLoopback, boolean allowPrivate, List<String> deniedPorts,
                             List<String> deniedHosts) {

    /** The platform's services (8081-8085), PostgreSQL, Kafka (9092-9095) and Keycloak (8180). */
    public static final List<String> DEFAULT_DENIED_PORTS = List.of("8081-8085", "5432", "9092-9095", "8180");

    /** Loopback refused, private ranges allowed, the platform's ports refused. */
    public static final EgressSettings DEFAULT = new EgressSettings(false, true, DEFAULT_DENIED_PORTS, List.of());

    public EgressSettings {
        deniedPorts = List.copyOf(Objects.requireNonNull(deniedPorts, "deniedPorts"));
        deniedHosts = List.copyOf(Objects.requireNonNull(deniedHosts, "deniedHosts"));
    }

    /** The defaults, with loopback allowed (the local demo and tests, where everything runs on one machine). */
    public static EgressSettings loopbackAllowed() {
        return new EgressSettings(true, DEFAULT.allowPrivate, DEFAULT.deniedPorts, DEFAULT.deniedHosts);
    }
}
