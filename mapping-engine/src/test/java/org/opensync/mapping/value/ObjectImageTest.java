package org.opensync.mapping.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectImageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ldapEntriesAreReadCaseInsensitively() {
        Map<String, List<String>> entry = new LinkedHashMap<>();
        entry.put("sAMAccountName", List.of("jdoe"));
        entry.put("proxyAddresses", List.of("SMTP:j@x", "smtp:d@x"));
        entry.put("description", List.of());

        ObjectImage image = ObjectImage.fromLdap(entry);

        assertThat(image.get("samaccountname")).isEqualTo(Value.text("jdoe"));
        assertThat(image.get(AttributeKey.of("PROXYADDRESSES")).strings()).containsExactly("SMTP:j@x", "smtp:d@x");
        assertThat(image.get("description").isNull()).isTrue();
        assertThat(image.get("absent").isNull()).isTrue();
        assertThat(image.attributeNames()).containsExactly("sAMAccountName", "proxyAddresses");
    }

    @Test
    void theIstanbulDotlessIDoesNotBreakLookups() {
        ObjectImage image = ObjectImage.builder().put("IsSoftDeleted", "True").build();

        assertThat(image.get("ISSOFTDELETED").text()).isEqualTo("True");
    }

    @Test
    void scimResourcesAreFlattenedToMappingNames() throws Exception {
        ObjectImage image = ObjectImage.fromScim(JSON.readTree("""
                {
                  "schemas": ["urn:ietf:params:scim:schemas:core:2.0:User",
                              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                  "id": "2819c223", "userName": "jdoe@contoso.com", "active": true, "displayName": null,
                  "name": {"givenName": "John", "familyName": "Doe"},
                  "emails": [{"type": "work", "value": "jdoe@contoso.com", "primary": true},
                             {"type": "home", "value": "john@home.net"}],
                  "phoneNumbers": [{"type": "mobile", "value": "+1 555"}],
                  "addresses": [{"type": "work", "postalCode": "98052", "country": "US"}],
                  "roles": [{"primary": "True", "value": "Admin"}],
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {
                    "employeeNumber": 701984, "department": "Tour Operations", "manager": {"value": "26118915", "displayName": "Boss"}
                  }
                }"""));

        assertThat(image.get("userName").text()).isEqualTo("jdoe@contoso.com");
        assertThat(image.get("active")).isEqualTo(BooleanValue.TRUE);
        assertThat(image.get("displayName").isNull()).isTrue();
        assertThat(image.get("name.givenName").text()).isEqualTo("John");
        assertThat(image.get("emails[type eq \"work\"].value").text()).isEqualTo("jdoe@contoso.com");
        assertThat(image.get("emails[type eq \"home\"].value").text()).isEqualTo("john@home.net");
        assertThat(image.get("emails[primary eq \"True\"].value").text()).isEqualTo("jdoe@contoso.com");
        assertThat(image.get("emails").strings()).containsExactly("jdoe@contoso.com", "john@home.net");
        assertThat(image.get("emails.type").strings()).containsExactly("work", "home");
        assertThat(image.get("phoneNumbers[type eq \"mobile\"].value").text()).isEqualTo("+1 555");
        assertThat(image.get("addresses[type eq \"work\"].postalCode").text()).isEqualTo("98052");
        assertThat(image.get("roles[primary eq \"True\"].value").text()).isEqualTo("Admin");
        assertThat(image.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber"))
                .isEqualTo(new IntegerValue(701984));
        assertThat(image.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department").text())
                .isEqualTo("Tour Operations");
        assertThat(image.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager").text())
                .isEqualTo("26118915");
        assertThat(image.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName").text())
                .isEqualTo("Boss");
        assertThat(image.get("schemas").size()).isEqualTo(2);
    }

    @Test
    void jsonPropertiesKeepTheirKinds() throws Exception {
        Map<String, com.fasterxml.jackson.databind.JsonNode> properties = new LinkedHashMap<>();
        properties.put("s", JSON.readTree("\"text\""));
        properties.put("list", JSON.readTree("[\"a\", null, \"b\"]"));
        properties.put("one", JSON.readTree("[\"only\"]"));
        properties.put("flag", JSON.readTree("false"));
        properties.put("n", JSON.readTree("129699324000000000"));
        properties.put("nothing", JSON.readTree("null"));
        properties.put("object", JSON.readTree("{\"a\": 1}"));

        ObjectImage image = ObjectImage.fromJsonProperties(properties);

        assertThat(image.get("s")).isEqualTo(Value.text("text"));
        assertThat(image.get("list").strings()).containsExactly("a", "b");
        assertThat(image.get("one")).isEqualTo(Value.text("only"));
        assertThat(image.get("flag")).isEqualTo(BooleanValue.FALSE);
        assertThat(image.get("n")).isEqualTo(new IntegerValue(129699324000000000L));
        assertThat(image.get("nothing").isNull()).isTrue();
        assertThat(image.get("object").text()).isEqualTo("{\"a\":1}");
    }

    @Test
    void buildersReplaceRemoveAndBuildOnce() {
        ObjectImage.Builder builder = ObjectImage.builder().put("A", "1").put("a", "2").put("b", "x").put("B", Value.NULL);

        ObjectImage image = builder.build();

        assertThat(image.get("a").text()).isEqualTo("2");
        assertThat(image.get("b").isNull()).isTrue();
        assertThat(image.attributeNames()).containsExactly("A");
        assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void valuesKeepNullDistinctFromEmpty() {
        assertThat(Value.text(null).isNull()).isTrue();
        assertThat(Value.text("").isNull()).isFalse();
        assertThat(Value.text("").isNullOrEmpty()).isTrue();
        assertThat(Value.of(List.of())).isSameAs(Value.NULL);
        assertThat(Value.of(List.of("x"))).isEqualTo(Value.text("x"));
        assertThat(Value.of(List.of("x", "y")).isMultiValued()).isTrue();
        assertThatThrownBy(() -> Value.of(List.of("x", "y")).text()).isInstanceOf(IllegalStateException.class);
        assertThat(BooleanValue.of(true).text()).isEqualTo("True");
        assertThat(new IntegerValue(-129699324000000000L).text()).isEqualTo("-129699324000000000");
    }
}
