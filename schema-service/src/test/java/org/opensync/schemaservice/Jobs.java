package org.opensync.schemaservice;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.opensync.common.events.JobCommand;
import org.opensync.common.events.Topics;
import org.opensync.common.tenancy.Tenants;
import org.opensync.testing.EventPublisher;

/** Creates jobs the way job-api announces them, and waits until schema-service gave them a schema. */
final class Jobs {
    private Jobs() {
    }

    /** @return {servicePrincipalId, jobId, schema path} */
    static String[] created() {
        return created(null);
    }

    /** The services' default tenant: tokens without a tid act in it. */
    static final UUID DEFAULT_TENANT = UUID.fromString("8c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f");

    /** A job of a service principal that application {@code ownerAppId} owns, in the default tenant. */
    static String[] created(String ownerAppId) {
        return created(UUID.randomUUID().toString(), "scim", ownerAppId);
    }

    /** A job of {@code templateId} (built in, or the service principal's own) in the default tenant. */
    static String[] created(String servicePrincipalId, String templateId, String ownerAppId) {
        String jobId = Tenants.newJobId(templateId, DEFAULT_TENANT);
        EventPublisher.publish(Topics.JOB_COMMANDS, new JobCommand.JobCreated(UUID.randomUUID().toString(),
                Instant.now(), jobId, servicePrincipalId, templateId, ownerAppId));
        String path = "/beta/servicePrincipals/" + servicePrincipalId + "/synchronization/jobs/" + jobId + "/schema";
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> Requests.authorized().get(path).statusCode() == 200);
        return new String[]{servicePrincipalId, jobId, path};
    }

    static void deleted(String jobId) {
        EventPublisher.publish(Topics.JOB_COMMANDS,
                new JobCommand.JobDeleted(UUID.randomUUID().toString(), Instant.now(), jobId));
    }
}
