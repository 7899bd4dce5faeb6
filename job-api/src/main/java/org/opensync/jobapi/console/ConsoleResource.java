package org.opensync.jobapi.console;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's only route besides its static files: the sign-in settings, readable without a token because the
 * page needs them to get one. Everything else the console shows comes from the public Graph routes.
 */
@Path("/console/settings")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleResource {
    private final ConsoleSettings settings;

    @Inject
    public ConsoleResource(ConsoleConfig config,
                           @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> apiIssuer) {
        this.settings = ConsoleSettings.of(config, apiIssuer);
    }

    @GET
    @PermitAll
    public ConsoleSettings settings() {
        return settings;
    }
}
