package org.opensync.jobapi.credentials;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;
import org.opensync.common.egress.EgressConfig;
import org.opensync.common.web.ErrorCode;
import org.opensync.common.web.GraphException;
import org.opensync.connectors.ldap.LdapConfigurationException;
import org.opensync.connectors.ldap.LdapSecrets;
import org.opensync.connectors.ldap.LdapSettings;
import org.opensync.connectors.ldap.LdapSource;
import org.opensync.connectors.ldap.LdapSourceException;
import org.opensync.connectors.net.EgressDeniedException;
import org.opensync.connectors.net.EgressPolicy;
import org.opensync.connectors.net.EgressSettings;
import org.opensync.connectors.net.PemTrust;
import org.opensync.connectors.scim.ScimClient;
import org.opensync.connectors.scim.ScimErrorCode;
import org.opensync.connectors.scim.ScimException;
import org.opensync.connectors.scim.ScimSettings;
import org.opensync.jobapi.synchronization.SecretKey;

/**
 * Opens connections to the systems a service principal's secrets name, under the egress policy and the short
 * timeouts of {@link CredentialsConfig}, and turns what goes wrong into the Graph errors of validateCredentials and
 * discover: {@code CredentialValidationFailed} when the system answered and refused (credentials, base DN, TLS
 * trust), {@code CredentialValidationUnavailable} when it could not be reached or the egress policy refuses it.
 * Messages name the system and what failed; the secret values are removed from them should a system echo one.
 */
@ApplicationScoped
public class SystemConnections {
    static final String BASE_ADDRESS = "BaseAddress";
    static final String SERVER = "Server";

    private final CredentialsConfig config;
    private final EgressPolicy egress;

    @Inject
    public SystemConnections(CredentialsConfig config, EgressConfig egress) {
        this.config = config;
        this.egress = EgressPolicy.of(new EgressSettings(egress.allowLoopback(), egress.allowPrivate(),
                egress.deniedPorts(), egress.deniedHosts().orElse(List.of())));
    }

    /** The egress policy every connection to a tenant's systems is held to. */
    public EgressPolicy egress() {
        return egress;
    }

    /** The SCIM application named by {@code BaseAddress} (with {@code SecretToken}), if the secrets name one. */
    public Optional<ScimClient> application(Map<String, String> secrets) {
        String baseAddress = secrets.get(BASE_ADDRESS);
        if (baseAddress == null || baseAddress.isBlank()) {
            return Optional.empty();
        }
        ScimSettings.Builder settings = ScimSettings.builder(baseAddress)
                .timeouts(config.connectTimeout(), config.requestTimeout())
                .maxResponseBytes(config.maxResponseBytes())
                .maxRetries(0)
                .requestsPerSecond(0)
                .egress(egress);
        Optional.ofNullable(secrets.get("SecretToken")).ifPresent(settings::secretToken);
        settings.trustedCertificates(secrets.get(PemTrust.SECRET));
        try {
            return Optional.of(new ScimClient(settings.build()));
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest(redacted(e.getMessage(), secrets), BASE_ADDRESS);
        }
    }

    /**
     * The LDAP directory named by {@code Server}, if the secrets name one.
     *
     * @throws GraphException 400 when {@code Server} is given without {@code Domain}, or a value is not usable
     */
    public Optional<LdapSettings> directory(Map<String, String> secrets) {
        String server = secrets.get(SERVER);
        if (server == null || server.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LdapSecrets.settings(secrets, egress, config.ldapTrustedCertificates().orElse(null))
                    .orElseThrow(() -> GraphException.badRequest("The directory at " + server + " needs its base DN "
                            + "in the secret 'Domain'.", "Domain"))
                    .withTimeouts(config.connectTimeout(), config.requestTimeout())
                    .withPoolSize(1));
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest(redacted(e.getMessage(), secrets), SERVER);
        }
    }

    /** Binds, reads the root DSE and the base entry, then runs {@code work} on the open directory. */
    public <T> T withDirectory(LdapSettings settings, Map<String, String> secrets,
                               Function<LdapSource, T> work) {
        return translated(() -> {
            try (LdapSource source = LdapSource.open(settings)) {
                return work.apply(source);
            }
        }, secrets);
    }

    /** Runs a request to an application or a directory, translating its failure. */
    public <T> T translated(Supplier<T> request, Map<String, String> secrets) {
        try {
            return request.get();
        } catch (EgressDeniedException e) {
            throw unavailable(e.getMessage(), secrets);
        } catch (ScimException e) {
            throw translate(e, secrets);
        } catch (LdapSourceException e) {
            throw e instanceof LdapConfigurationException ? failed(e.getMessage(), secrets)
                    : unavailable(e.getMessage(), secrets);
        }
    }

    private static GraphException translate(ScimException e, Map<String, String> secrets) {
        if (e.errorCode() == ScimErrorCode.EgressDenied) {
            return unavailable(e.detail(), secrets);
        }
        if (e.credentialProblem()) {
            return failed("The application refused the credentials: " + e.getMessage(), secrets);
        }
        if (e.status() == 0 && tlsFailure(e)) {
            return failed("The TLS handshake with the application failed (is its certificate trusted and issued "
                    + "for this host name?): " + e.getMessage(), secrets);
        }
        if (e.transientFailure()) {
            return unavailable("The application could not be reached or did not answer: " + e.getMessage(), secrets);
        }
        return failed("The application did not answer as a SCIM 2.0 service: " + e.getMessage(), secrets);
    }

    private static boolean tlsFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static GraphException failed(String message, Map<String, String> secrets) {
        return new GraphException(400, ErrorCode.CREDENTIAL_VALIDATION_FAILED, redacted(message, secrets), null);
    }

    private static GraphException unavailable(String message, Map<String, String> secrets) {
        return new GraphException(400, ErrorCode.CREDENTIAL_VALIDATION_UNAVAILABLE, redacted(message, secrets), null);
    }

    /**
     * Removes the values of credential secrets (password, token) should a system or a library have echoed one;
     * values under four characters are left, they would mangle ordinary words.
     */
    static String redacted(String message, Map<String, String> secrets) {
        String text = message == null ? "" : message;
        for (Map.Entry<String, String> secret : secrets.entrySet()) {
            String value = secret.getValue();
            boolean credential = SecretKey.parse(secret.getKey()).map(SecretKey::isCredential).orElse(true);
            if (credential && value != null && value.length() >= 4 && text.contains(value)) {
                text = text.replace(value, "***");
            }
        }
        return text;
    }
}
