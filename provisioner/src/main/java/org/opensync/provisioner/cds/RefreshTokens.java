package org.opensync.provisioner.cds;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.opensync.common.secrets.SecretBox;
import org.opensync.common.secrets.SecretsConfig;

/**
 * Refresh tokens that a SCIM application's token endpoint rotated. The secrets (job-api's) hold the refresh token the
 * admin's authorization produced; each refresh may replace it, and the replaced one may stop working, so the newest is
 * kept here, sealed with the transport key and bound to the service principal, and survives restarts. It is used for
 * as long as the secrets still hold the token it descends from: a new authorization starts a new chain.
 */
@ApplicationScoped
public class RefreshTokens {
    private final Jdbc jdbc;
    private final SecretBox box;

    @Inject
    public RefreshTokens(AgroalDataSource dataSource, SecretsConfig config) {
        this.jdbc = new Jdbc(dataSource);
        this.box = config.transportBox();
    }

    /** The newest refresh token descending from {@code fromSecrets}: a rotated one, else {@code fromSecrets}. */
    public String current(String servicePrincipalId, String fromSecrets) {
        return jdbc.query("select sealed from oauth_refresh_token where service_principal_id = ? and descends_from = ?",
                statement -> {
                    statement.set(1, servicePrincipalId);
                    statement.set(2, digest(fromSecrets));
                }, row -> box.open(row.getString(1), context(servicePrincipalId))).stream().findFirst()
                .orElse(fromSecrets);
    }

    /**
     * Committed at once, on its own: the endpoint already ended the token it replaced, so the new one must not be
     * lost with a batch whose transaction rolls back.
     */
    public void rotated(String servicePrincipalId, String fromSecrets, String newest) {
        QuarkusTransaction.requiringNew().run(() -> jdbc.update("""
                        insert into oauth_refresh_token (service_principal_id, descends_from, sealed, updated_at)
                        values (?, ?, ?, now())
                        on conflict (service_principal_id) do update set descends_from = excluded.descends_from,
                            sealed = excluded.sealed, updated_at = now()""",
                statement -> {
                    statement.set(1, servicePrincipalId);
                    statement.set(2, digest(fromSecrets));
                    statement.set(3, box.seal(newest, context(servicePrincipalId)));
                }));
    }

    /** Sealed for this use and this service principal only: a copied row opens nowhere else. */
    private static String context(String servicePrincipalId) {
        return "oauth-refresh-token/" + servicePrincipalId;
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
