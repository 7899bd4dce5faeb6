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

    @Test
    void everyBoundOperationIsAcceptedQualifiedUnqualifiedAndWithParentheses() {
        for (String operation : new String[]{"start", "pause", "restart", "stop", "validateCredentials",
                "provisionOnDemand", "parseExpression", "discover", "acquireAccessToken", "bulkUpload", "instantiate",
                "Ping", "functions", "filterOperators"}) {
            String expected = "/beta/x/" + operation;
            for (String spelling : new String[]{operation, operation + "()", "microsoft.graph." + operation,
                    "Microsoft.Graph." + operation + "()", operation.toUpperCase(java.util.Locale.ROOT) + "()"}) {
                assertEquals(expected, GraphPaths.canonical("/beta/x/" + spelling), spelling);
            }
        }
    }

    @Test
    void keysThatOnlyLookLikeOperationsAreLeftAlone() {
        assertEquals("/beta/servicePrincipals/sp/synchronization/jobs/microsoft.graph.unknown()",
                GraphPaths.canonical("/beta/servicePrincipals/sp/synchronization/jobs/microsoft.graph.unknown()"));
        assertEquals("/beta/servicePrincipals/sp/synchronization/templates/scim.v2",
                GraphPaths.canonical("/beta/servicePrincipals/sp/synchronization/templates/scim.v2/"));
    }
}
