package org.opensync.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GraphPathsTest {

    @Test
    void clientSpellingsBecomeTheDeclaredOnes() {
        assertEquals("/beta/servicePrincipals/appId=5b0c/synchronization/jobs/j/start",
                GraphPaths.canonical("/BETA/servicePrincipals(appId='5b0c')/Synchronization/jobs/j/"
                        + "microsoft.graph.start()/"));
        assertEquals("/v1.0/servicePrincipals/appId=5b0c",
                GraphPaths.canonical("/v1.0/servicePrincipals(appId=%275b0c%27)"));
    }

    @Test
    void anAlternateKeyValueStaysOneValidPathSegmentWhateverItHolds() {
        for (String value : new String[]{"%0D%0A", "a+b", "%22", "x%2Fy", "%E2%80%AE", "'", "%25"}) {
            String canonical = GraphPaths.canonical("/beta/servicePrincipals(appId='" + value + "')/synchronization");
            URI.create(canonical);
            assertEquals(4, canonical.split("/").length - 1, canonical);
        }
        assertEquals("/beta/servicePrincipals/appId=a%2Bb",
                GraphPaths.canonical("/beta/servicePrincipals(appId='a+b')"));
    }
}
