package org.opensync.jobapi.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opensync.common.web.GraphException;
import org.opensync.connectors.scim.OAuthClientCredentials;
import org.opensync.connectors.scim.TokenEndpoint;
import org.opensync.jobapi.config.JobApiConfig;
import org.opensync.jobapi.synchronization.SecretEntry;
import org.opensync.jobapi.synchronization.SecretKey;
import org.opensync.jobapi.synchronization.SecretRequests;
import org.opensync.jobapi.synchronization.SecretsService;

/**
 * acquireAccessToken: the authorization-code grant of SCIM applications that authorize through OAuth. The code (with
 * the redirect URI it was issued for) is exchanged at {@code Oauth2TokenExchangeUri} as the client
 * {@code Oauth2ClientId}/{@code Oauth2ClientSecret} — each taken from the request, else from the saved secrets — and
 * the tokens obtained are saved as the service principal's secrets {@code Oauth2AccessToken},
 * {@code Oauth2RefreshToken}, {@code Oauth2AccessTokenCreationTime} and {@code TokenExpiration}, with the request's
 * other credentials. The code itself is not saved: it is good for one exchange. The provisioner then renews access
 * tokens with the refresh token. The exchange runs before the transaction that saves, so no row stays locked while a
 * token endpoint answers.
 */
@ApplicationScoped
public class AccessTokenAcquisition {
    private static final List<SecretKey> REQUIRED = List.of(SecretKey.Oauth2AuthorizationCode,
            SecretKey.Oauth2TokenExchangeUri, SecretKey.Oauth2ClientId, SecretKey.Oauth2ClientSecret);

    private final SecretsService secrets;
    private final SystemConnections connections;
    private final JobApiConfig.Limits limits;
    private final TokenEndpoint endpoint;

    @Inject
    public AccessTokenAcquisition(SecretsService secrets, SystemConnections connections, CredentialsConfig config,
                                  JobApiConfig jobApi) {
        this.secrets = secrets;
        this.connections = connections;
        this.limits = jobApi.limits();
        // one client for every exchange: they are rare, and each is bounded by the credentials timeouts
        this.endpoint = new TokenEndpoint(HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build(),
                config.requestTimeout(), connections.egress());
    }

    /**
     * @throws GraphException 400 for a malformed body or a missing key, 400 {@code CredentialValidationFailed} when
     *                        the token endpoint refuses, 400 {@code CredentialValidationUnavailable} when it cannot
     *                        be reached
     */
    public void acquire(UUID servicePrincipalId, JsonNode body) {
        if (body == null || !body.isObject() || !body.has("credentials")) {
            throw GraphException.badRequest("The body must be {\"credentials\": [{\"key\": ..., \"value\": ...}]} "
                    + "with Oauth2AuthorizationCode and, unless saved, Oauth2TokenExchangeUri, Oauth2ClientId and "
                    + "Oauth2ClientSecret.", "credentials");
        }
        List<SecretEntry> given = SecretRequests.entries(body, "", limits);
        Map<String, String> values = new LinkedHashMap<>();
        secrets.read(servicePrincipalId).stream().filter(e -> e.value() != null)
                .forEach(e -> values.put(e.key(), e.value()));
        given.stream().filter(e -> e.value() != null).forEach(e -> values.put(e.key(), e.value()));
        for (SecretKey key : REQUIRED) {
            String value = values.get(key.name());
            if (value == null || value.isBlank()) {
                throw GraphException.badRequest("The credential " + key.name() + " is required, in the request or "
                        + "saved with the secrets.", "credentials");
            }
        }
        OAuthClientCredentials client;
        try {
            client = new OAuthClientCredentials(URI.create(values.get(SecretKey.Oauth2TokenExchangeUri.name()).trim()),
                    values.get(SecretKey.Oauth2ClientId.name()), values.get(SecretKey.Oauth2ClientSecret.name()), "");
        } catch (IllegalArgumentException e) {
            throw GraphException.badRequest(SystemConnections.redacted(e.getMessage(), values),
                    SecretKey.Oauth2TokenExchangeUri.name());
        }
        TokenEndpoint.Tokens tokens = connections.translated(() -> endpoint.exchangeCode(client,
                values.get(SecretKey.Oauth2AuthorizationCode.name()),
                values.get(SecretKey.Oauth2RedirectUri.name())), values);
        Instant now = Instant.now();
        Map<String, String> obtained = new LinkedHashMap<>();
        obtained.put(SecretKey.Oauth2AccessToken.name(), tokens.accessToken());
        tokens.refreshToken().ifPresent(token -> obtained.put(SecretKey.Oauth2RefreshToken.name(), token));
        obtained.put(SecretKey.Oauth2AccessTokenCreationTime.name(), now.toString());
        obtained.put(SecretKey.TokenExpiration.name(), now.plus(tokens.lifetime()).toString());
        QuarkusTransaction.requiringNew().run(() -> save(servicePrincipalId, given, obtained));
    }

    /** The saved set as it is now (it may have changed during the exchange), with the request's keys and the tokens. */
    private void save(UUID servicePrincipalId, List<SecretEntry> given, Map<String, String> obtained) {
        Map<String, String> merged = new LinkedHashMap<>();
        secrets.read(servicePrincipalId).forEach(e -> merged.put(e.key(), e.value()));
        given.forEach(e -> merged.put(e.key(), e.value()));
        merged.remove(SecretKey.Oauth2AuthorizationCode.name());
        merged.putAll(obtained);
        List<SecretEntry> entries = new ArrayList<>();
        merged.forEach((key, value) -> entries.add(new SecretEntry(key, value)));
        secrets.replace(servicePrincipalId, entries);
    }
}
