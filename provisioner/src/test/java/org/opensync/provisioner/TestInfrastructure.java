package org.opensync.provisioner;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.opensync.testing.SyncInfraResource;

/**
 * The real Kafka broker, a fresh database and the test identity provider (for provision on demand) for every test
 * class of the module (one application boot).
 */
@QuarkusTestResource(value = SyncInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "db", value = "provisioner"))
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
