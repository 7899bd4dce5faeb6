package org.opensync.jobapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opensync.common.web.GraphException;

class JobApiUniqueConstraintsTest {
    private final JobApiUniqueConstraints constraints = new JobApiUniqueConstraints();

    @Test
    void theLosingRequestGetsTheGraphWordingWithTheValuesItSent() {
        GraphException job = constraints.conflict("synchronization_job_one_per_template",
                "Key (service_principal_id, template_id)=(9b02c44c-9e7a-4252-b8e6-46865efe24ab, scim) already exists.")
                .orElseThrow();
        assertThat(job.status()).isEqualTo(409);
        assertThat(job.target()).isEqualTo("templateId");
        assertThat(job.getMessage()).contains("template 'scim'");

        GraphException sp = constraints.conflict("service_principal_tenant_app_id",
                "Key (tenant_id, app_id)=(8c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f, 5b0c8c1d-0000-4000-8000-000000000001) "
                        + "already exists.").orElseThrow();
        assertThat(sp.target()).isEqualTo("appId");
        assertThat(sp.getMessage()).contains("5b0c8c1d-0000-4000-8000-000000000001");
    }

    @Test
    void unknownConstraintsAndDetailsAreLeftToTheGenericAnswer() {
        assertThat(constraints.conflict("something_else", null)).isEmpty();
        assertThat(constraints.conflict(null, null)).isEmpty();
        assertThat(JobApiUniqueConstraints.value(null, 0)).isEqualTo("?");
        assertThat(JobApiUniqueConstraints.value("unexpected", 0)).isEqualTo("?");
    }
}
