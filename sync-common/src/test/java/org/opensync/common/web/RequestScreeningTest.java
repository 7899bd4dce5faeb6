package org.opensync.common.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class RequestScreeningTest {

    @Test
    void wellFormedGraphUrlsPass() {
        assertNull(RequestScreening.problem("path", "/beta/servicePrincipals(appId='5b0c-1')/synchronization/jobs/"
                + "scim.1.2/microsoft.graph.start()", false));
        assertNull(RequestScreening.problem("path", "/v1.0/servicePrincipals/a%2Fb/%C3%A9;x=1/$count", false));
        assertNull(RequestScreening.problem("query", "$filter=startswith(displayName,'a%20b')&$top=5&x=?/", true));
    }

    @Test
    void malformedEscapesAndUnencodedCharactersAreRefused() {
        for (String path : new String[]{"/beta/%zz", "/beta/%2", "/beta/%", "/beta/a\"b", "/beta/a|b", "/beta/<x>",
                "/beta/a\\b", "/beta/[x]", "/beta/é", "/beta/a b", "/beta/a#b", "beta"}) {
            assertNotNull(RequestScreening.problem("path", path, false), path);
        }
        assertNotNull(RequestScreening.problem("query", "$filter=%zz", true));
        assertNotNull(RequestScreening.problem("query", "$search=\"x\"", true));
    }

    @Test
    void escapesOfControlCharactersOrInvalidUtf8AreRefused() {
        assertEquals("path decodes to a control character", RequestScreening.problem("path", "/beta/x%00", false));
        assertNotNull(RequestScreening.problem("path", "/beta/%0D%0A", false));
        assertNotNull(RequestScreening.problem("query", "$filter=appId%20eq%20'%00'", true));
        assertEquals("path decodes to bytes that are not UTF-8", RequestScreening.problem("path", "/beta/%C0%AF",
                false));
        assertNotNull(RequestScreening.problem("path", "/beta/%ED%A0%80", false));
        assertNotNull(RequestScreening.problem("path", "/beta/%FF", false));
    }
}
