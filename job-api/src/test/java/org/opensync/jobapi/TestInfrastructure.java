package org.opensync.jobapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.opensync.testing.SyncInfraResource;

/**
 * Declares, once for the whole module, the real Kafka broker, a fresh PostgreSQL database and the test identity
 * provider, the template catalogue and stand-ins for schema-service and the provisioner, so every test class shares one application boot.
 */
@QuarkusTestResource(value = SyncInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "db", value = "job_api"))
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TemplateSeed.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SchemaServiceStandIn.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = ProvisionerStandIn.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
