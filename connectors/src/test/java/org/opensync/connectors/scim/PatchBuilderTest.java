package org.opensync.connectors.scim;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The PATCH bodies Entra sends, in both dialects. */
class PatchBuilderTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String WORK_EMAIL = "emails[type eq \"work\"].value";

    private final PatchBuilder legacy = new PatchBuilder(PatchMode.LEGACY, ManagerFormat.PLAIN_STRING);
    private final PatchBuilder compliant = new PatchBuilder(PatchMode.COMPLIANT, ManagerFormat.PLAIN_STRING);

    @Test
    void disableInBothDialects() {
        Map<String, Object> current = Map.of("active", true);
        Map<String, Object> desired = Map.of("active", "False");
        assertThat(legacy.diff(current, desired).toJson()).isEqualTo(patch("{'op':'Replace','path':'active','value':'False'}"));
        assertThat(compliant.diff(current, desired).toJson()).isEqualTo(patch("{'op':'replace','path':'active','value':false}"));
    }

    @Test
    void addWhenTheTargetHasNoValueReplaceOtherwise() {
        Map<String, Object> current = Map.of("displayName", "Babs J");
        Map<String, Object> desired = ordered("nickName", "Babs", "displayName", "Barbara J");
        assertThat(legacy.diff(current, desired).toJson()).isEqualTo(patch(
                "{'op':'Add','path':'nickName','value':'Babs'}",
                "{'op':'Replace','path':'displayName','value':'Barbara J'}"));
        assertThat(compliant.diff(current, desired).toJson()).isEqualTo(patch(
                "{'op':'add','path':'nickName','value':'Babs'}",
                "{'op':'replace','path':'displayName','value':'Barbara J'}"));
    }

    @Test
    void compliantMergesSimplePathsIntoOneOpAndKeepsValueFiltersSeparate() {
        Map<String, Object> current = ordered("displayName", "a", "name.givenName", "b", "name.familyName", "c",
                ENTERPRISE + ":employeeNumber", "1", WORK_EMAIL, "old@x");
        Map<String, Object> desired = ordered("displayName", "A", "name.givenName", "B", "name.familyName", "C",
                ENTERPRISE + ":employeeNumber", "2", WORK_EMAIL, "new@x");
        assertThat(compliant.diff(current, desired).toJson()).isEqualTo(patch(
                "{'op':'replace','value':{'displayName':'A','name.givenName':'B','name.familyName':'C',"
                        + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber':'2'}}",
                "{'op':'replace','path':'emails[type eq \\\"work\\\"].value','value':'new@x'}"));
        assertThat(legacy.diff(current, desired).operations()).hasSize(5)
                .allMatch(op -> op.get("op").asText().equals("Replace") && op.has("path"));
    }

    @Test
    void unchangedAndNullValuesSendNothing() {
        Map<String, Object> desired = new LinkedHashMap<>();
        desired.put("userName", "same");
        desired.put("title", null);
        desired.put("active", "True");
        desired.put("members", java.util.List.of("x"));
        assertThat(legacy.diff(Map.of("userName", "same", "title", "CEO", "active", true), desired).isEmpty()).isTrue();
    }

    @Test
    void managerInTheObservedPlainFormOrTheRfcForm() {
        Map<String, Object> desired = Map.of(ENTERPRISE + ":manager", "m2");
        assertThat(legacy.diff(Map.of(), desired).toJson()).isEqualTo(patch(
                "{'op':'Add','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager','value':'m2'}"));
        assertThat(compliant.diff(Map.of(ENTERPRISE + ":manager", "m1"), desired).toJson()).isEqualTo(patch(
                "{'op':'replace','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager','value':'m2'}"));
        assertThat(new PatchBuilder(PatchMode.COMPLIANT, ManagerFormat.COMPLEX).diff(Map.of(), desired).toJson())
                .isEqualTo(patch("{'op':'add','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager',"
                        + "'value':{'value':'m2'}}"));
    }

    @Test
    void managerAsTheValueSubAttributePath() {
        Map<String, Object> desired = Map.of(ENTERPRISE + ":manager", "m3");
        assertThat(new PatchBuilder(PatchMode.LEGACY, ManagerFormat.PATH).diff(Map.of(), desired).toJson())
                .isEqualTo(patch("{'op':'Add','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:"
                        + "manager.value','value':'m3'}"));
    }

    @Test
    void theBooleanFormatOverridesTheDialects() {
        Map<String, Object> disable = Map.of("active", false);
        assertThat(new PatchBuilder(PatchMode.LEGACY, ManagerFormat.PLAIN_STRING, BooleanFormat.JSON)
                .diff(Map.of("active", true), disable).toJson())
                .isEqualTo(patch("{'op':'Replace','path':'active','value':false}"));
        assertThat(new PatchBuilder(PatchMode.COMPLIANT, ManagerFormat.PLAIN_STRING, BooleanFormat.STRING)
                .diff(Map.of("active", true), disable).toJson())
                .isEqualTo(patch("{'op':'replace','path':'active','value':'False'}"));
    }

    @Test
    void removeClearsOneAttributeInEitherDialect() {
        assertThat(legacy.remove(ENTERPRISE + ":manager").toJson()).isEqualTo(
                patch("{'op':'Remove','path':'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager'}"));
        assertThat(compliant.remove("title").toJson()).isEqualTo(patch("{'op':'remove','path':'title'}"));
    }

    private static com.fasterxml.jackson.databind.JsonNode patch(String... operations) {
        return Json.parse("{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':["
                + String.join(",", operations) + "]}");
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
