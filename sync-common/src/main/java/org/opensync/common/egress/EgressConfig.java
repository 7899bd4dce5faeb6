package org.opensync.common.egress;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Where the services that connect to tenants' directories and applications (change-detector, provisioner) may
 * connect: the connectors' egress policy, so that a job's {@code BaseAddress} or {@code Server} cannot reach the
 * platform itself, its infrastructure or a cloud metadata endpoint. Link-local addresses and metadata hosts are
 * refused in any case. See README "Egress policy".
 */
@ConfigMapping(prefix = "sync.egress")
public interface EgressConfig {
    /** 127.0.0.0/8 and ::1; only the local demo and tests, where everything runs on one machine, allow them. */
    @WithDefault("false")
    boolean allowLoopback();

    /** 10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7: on-premises directories and applications live there. */
    @WithDefault("true")
    boolean allowPrivate();

    /** Ports refused on every host, single or ranges: the services, PostgreSQL, Kafka and Keycloak. */
    @WithDefault("8081-8085,5432,9092-9095,8180")
    List<String> deniedPorts();

    /** Further host names (and their subdomains), IP addresses or CIDR ranges refused. */
    Optional<List<String>> deniedHosts();
}
