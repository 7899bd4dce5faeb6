package org.opensync.connectors.scim;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TargetImageWriterTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void buildsTheUserBodyTheProvisioningServiceSends() {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("externalId", "jdoe");
        image.put("userName", "jdoe@example.org");
        image.put("active", "True");
        image.put("displayName", "John Doe");
        image.put("name.givenName", "John");
        image.put("name.familyName", "Doe");
        image.put("emails[type eq \"work\"].value", "jdoe@example.org");
        image.put("addresses[type eq \"work\"].postalCode", "98101");
        image.put("addresses[type eq \"work\"].locality", "Seattle");
        image.put("phoneNumbers[type eq \"mobile\"].value", "+1 555 900 0001");
        image.put(ENTERPRISE + ":department", "Engineering");
        image.put(ENTERPRISE + ":employeeNumber", 100001L);
        image.put("title", null);
        image.put("roles", List.of());

        assertThat(TargetImageWriter.toResource(ScimResourceType.USER, image)).isEqualTo(Json.parse("""
                {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User',
                                        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
                  'externalId':'jdoe','userName':'jdoe@example.org','active':true,'displayName':'John Doe',
                  'name':{'givenName':'John','familyName':'Doe'},
                  'emails':[{'primary':true,'type':'work','value':'jdoe@example.org'}],
                  'addresses':[{'primary':true,'type':'work','postalCode':'98101','locality':'Seattle'}],
                  'phoneNumbers':[{'type':'mobile','value':'+1 555 900 0001'}],
                  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':
                          {'department':'Engineering','employeeNumber':100001},
                  'meta':{'resourceType':'User'}}"""));
    }

    @Test
    void groupsAreCreatedWithoutMembersAndWithTheMicrosoftGroupSchema() {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("displayName", "Engineers");
        image.put("externalId", "8aa1a0c0-0000-0000-0000-000000000001");
        image.put("members", List.of("u1", "u2"));
        assertThat(TargetImageWriter.toResource(ScimResourceType.GROUP, image)).isEqualTo(Json.parse("""
                {'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group',
                                        'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],
                  'displayName':'Engineers','externalId':'8aa1a0c0-0000-0000-0000-000000000001',
                  'meta':{'resourceType':'Group'}}"""));
    }

    @Test
    void customExtensionsAreWrittenButNotListedAndTheManagerIsAComplexValue() {
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("userName", "a");
        image.put("urn:ietf:params:scim:schemas:extension:Contoso:2.0:User:costCode", "C-7");
        image.put(ENTERPRISE + ":manager", "mgr-id");
        image.put("active", false);
        assertThat(TargetImageWriter.toResource(ScimResourceType.USER, image)).isEqualTo(Json.parse("""
                {'schemas':['urn:ietf:params:scim:schemas:core:2.0:User',
                                        'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
                  'userName':'a','active':false,
                  'urn:ietf:params:scim:schemas:extension:Contoso:2.0:User':{'costCode':'C-7'},
                  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'manager':{'value':'mgr-id'}},
                  'meta':{'resourceType':'User'}}"""));
    }

    @Test
    void rejectsValuesOfOtherTypes() {
        assertThatThrownBy(() -> TargetImageWriter.toResource(ScimResourceType.USER, Map.of("userName", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Double");
        assertThatThrownBy(() -> TargetImageWriter.toResource(ScimResourceType.USER, Map.of("active", "maybe")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("active");
    }
}
