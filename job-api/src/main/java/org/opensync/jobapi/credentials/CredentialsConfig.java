package org.opensync.jobapi.credentials;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How job-api connects to a tenant's directory or application to test credentials (validateCredentials) and to read
 * its schema (discover). A client waits for the answer, so every wait is short and nothing is retried.
 */
@ConfigMapping(prefix = "sync.job-api.credentials")
public interface CredentialsConfig {
    /** Establishing the TCP (and TLS) connection. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** One request: an LDAP bind or search, a SCIM request with its whole body. */
    @WithDefault("PT15S")
    Duration requestTimeout();

    /** The largest SCIM response read (discovery documents of large providers included). */
    @WithDefault("4194304")
    long maxResponseBytes();

    /** A PEM file of CA certificates trusted for ldaps:// and StartTLS beside the JVM's trust store. */
    Optional<Path> ldapTrustedCertificates();
}
