package org.opensync.jobapi.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The web console's sign-in settings (README "Web console"); nothing here is secret, the browser reads it. */
@ConfigMapping(prefix = "sync.console")
public interface ConsoleConfig {

    /**
     * Shows the form that takes a pasted bearer token (e.g. from {@code bin/mint-token}). The API checks such a token
     * like any other, so the form grants nothing by itself; it is on in the local profile only to keep production
     * sign-ins on the identity provider.
     */
    @WithDefault("false")
    boolean developmentLogin();

    Oidc oidc();

    /** Authorization code with PKCE, run by the browser against the identity provider. */
    interface Oidc {
        /** The public client registered for the console; without it the console offers no provider sign-in. */
        Optional<String> clientId();

        /** The issuer whose discovery document the browser reads; default: the one the API verifies tokens of. */
        Optional<String> authority();

        /** Scopes asked for; the access token must carry the API's audience and the Graph permissions. */
        @WithDefault("openid")
        String scope();
    }
}
