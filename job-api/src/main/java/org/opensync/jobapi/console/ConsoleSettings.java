package org.opensync.jobapi.console;

import java.util.Optional;

/**
 * What the console's page needs before anyone signed in: whether the pasted-token form is offered and, when a public
 * client is configured, where the browser runs the authorization code flow with PKCE.
 */
public record ConsoleSettings(boolean developmentLogin, Oidc oidc) {

    /** The provider sign-in; {@code null} in {@link ConsoleSettings} when no client id is configured. */
    public record Oidc(String authority, String clientId, String scope) {
    }

    /**
     * @param apiIssuer the authorization server the API verifies tokens with, used when the console names none; empty
     *                  when tokens are verified with a local key (the local profile), then only the form remains
     */
    static ConsoleSettings of(ConsoleConfig config, Optional<String> apiIssuer) {
        Optional<String> authority = config.oidc().authority().filter(value -> !value.isBlank())
                .or(() -> apiIssuer.filter(value -> !value.isBlank()));
        Oidc oidc = config.oidc().clientId().filter(value -> !value.isBlank()).flatMap(clientId ->
                authority.map(issuer -> new Oidc(withoutTrailingSlash(issuer), clientId, config.oidc().scope())))
                .orElse(null);
        return new ConsoleSettings(config.developmentLogin(), oidc);
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
