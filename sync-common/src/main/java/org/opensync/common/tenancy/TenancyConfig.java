package org.opensync.common.tenancy;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** What the services know about the tenant beyond its id. */
@ConfigMapping(prefix = "sync.tenancy")
public interface TenancyConfig {

    /**
     * The tenant's default verified domain, what the expression function {@code DefaultDomain()} returns (e.g.
     * {@code contoso.com}). Environment: {@code SYNC_TENANCY_DEFAULT_DOMAIN}. Unset by default: the function then fails
     * the attribute flow of the object with "no default domain is configured" instead of provisioning an invented
     * domain.
     */
    Optional<String> defaultDomain();
}
