package org.opensync.jobapi.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opensync.common.web.GraphPaths;

class ApplicationTwinsTest {

    @Test
    void everySynchronizationRouteOfAnApplicationBecomesItsServicePrincipalsRoute() {
        assertThat(ApplicationTwins.servicePrincipalPath("/beta/applications/a1/synchronization"))
                .contains("/beta/servicePrincipals/application=a1/synchronization");
        assertThat(ApplicationTwins.servicePrincipalPath("/v1.0/applications/a1/synchronization/jobs/j.1/start"))
                .contains("/v1.0/servicePrincipals/application=a1/synchronization/jobs/j.1/start");
        assertThat(ApplicationTwins.servicePrincipalPath(
                "/beta/applications/a1/synchronization/templates/scim/schema/functions"))
                .contains("/beta/servicePrincipals/application=a1/synchronization/templates/scim/schema/functions");
    }

    @Test
    void theCanonicalFormOfEveryClientSpellingIsRewritten() {
        assertThat(ApplicationTwins.servicePrincipalPath(GraphPaths.canonical(
                "/BETA/Applications(appId='5b0c')/SYNCHRONIZATION/jobs/j/microsoft.graph.start()/")))
                .contains("/beta/servicePrincipals/application=appId=5b0c/synchronization/jobs/j/start");
    }

    @Test
    void otherPathsAreLeftAlone() {
        assertThat(ApplicationTwins.servicePrincipalPath("/beta/applications/a1")).isEmpty();
        assertThat(ApplicationTwins.servicePrincipalPath("/beta/applications")).isEmpty();
        assertThat(ApplicationTwins.servicePrincipalPath("/beta/applications/a1/synchronizationX")).isEmpty();
        assertThat(ApplicationTwins.servicePrincipalPath("/beta/servicePrincipals/s/synchronization")).isEmpty();
        assertThat(ApplicationTwins.servicePrincipalPath("/v2.0/applications/a1/synchronization")).isEmpty();
        assertThat(ApplicationTwins.servicePrincipalPath("/beta/applicationTemplates/t/instantiate")).isEmpty();
    }
}
