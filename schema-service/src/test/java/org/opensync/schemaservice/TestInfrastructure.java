package org.opensync.schemaservice;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import org.opensync.testing.SyncInfraResource;

/** The real Kafka broker and a fresh database for every test class of the module (one application boot). */
@QuarkusTestResource(value = SyncInfraResource.class, restrictToAnnotatedClass = false,
        initArgs = @ResourceArg(name = "db", value = "schema_service"))
public final class TestInfrastructure {
    private TestInfrastructure() {
    }
}
