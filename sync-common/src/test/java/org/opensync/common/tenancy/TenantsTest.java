package org.opensync.common.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenantsTest {
    private static final UUID TENANT = UUID.fromString("8c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f");

    @Test
    void aJobIdNamesItsTenant() {
        String jobId = Tenants.newJobId("scim", TENANT);
        assertTrue(jobId.startsWith("scim.8c1d2e3f4a5b4c6d8e9f0a1b2c3d4e5f."), jobId);
        assertEquals(Optional.of(TENANT), Tenants.ofJob(jobId));
        assertTrue(Tenants.owns(TENANT, jobId));
        assertFalse(Tenants.owns(UUID.randomUUID(), jobId));
        assertEquals(Optional.of(TENANT),
                Tenants.ofJob("AD2AADProvisioning.8C1D2E3F4A5B4C6D8E9F0A1B2C3D4E5F." + UUID.randomUUID()));
    }

    @Test
    void otherIdsNameNoTenant() {
        assertEquals(Optional.empty(), Tenants.ofJob(null));
        assertEquals(Optional.empty(), Tenants.ofJob("scim.test." + UUID.randomUUID()));
        assertEquals(Optional.empty(), Tenants.ofJob("scim.8c1d2e3f4a5b4c6d8e9f0a1b2c3d4e5f"));
        assertEquals(Optional.empty(), Tenants.ofJob("x".repeat(400)));
        assertFalse(Tenants.owns(TENANT, "\"; drop table job"));
    }
}
