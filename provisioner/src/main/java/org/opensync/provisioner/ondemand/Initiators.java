package org.opensync.provisioner.ondemand;

import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.opensync.common.logs.ProvisioningObjectSummary;

/**
 * Who asked for work on demand, as provisioning logs name it: a delegated token ({@code scp}) is a user, named by
 * its object id ({@code oid}, else {@code sub}) and its UPN ({@code upn}, {@code preferred_username}, {@code name});
 * an application token is the application ({@code azp} in v2 tokens, {@code appid} in v1).
 */
final class Initiators {
    private Initiators() {
    }

    static ProvisioningObjectSummary.Initiator of(JsonWebToken token) {
        if (token.getClaim("scp") != null) {
            String id = first(token, "oid", "sub").orElse("");
            return new ProvisioningObjectSummary.Initiator(id, first(token, "upn", "preferred_username", "name")
                    .orElse(id), "user");
        }
        String appId = first(token, "azp", "appid", "sub").orElse("");
        return new ProvisioningObjectSummary.Initiator(appId, first(token, "app_displayname").orElse(appId),
                "application");
    }

    private static Optional<String> first(JsonWebToken token, String... claims) {
        for (String claim : claims) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return Optional.of(value.toString().replace("\"", ""));
            }
        }
        return Optional.empty();
    }
}
