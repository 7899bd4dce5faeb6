package org.opensync.jobapi.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.schema.AttributeType;
import org.opensync.connectors.schema.DiscoveredAttribute;
import org.opensync.connectors.schema.DiscoveredObject;

class DirectoryMergeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SCHEMA = """
            {"directories":[{"id":"d1","name":"LDAP","discoverabilities":"None","objects":[
              {"name":"User","metadata":[{"key":"PropertyNameSoftDeleted","value":"IsSoftDeleted"}],"attributes":[
                {"name":"objectId","type":"String","anchor":true,"multivalued":false},
                {"name":"IsSoftDeleted","type":"Boolean","anchor":false,"multivalued":false},
                {"name":"mail","type":"String","anchor":false,"multivalued":false,"flowNullValues":true},
                {"name":"legacyCode","type":"String","anchor":false,"multivalued":false},
                {"name":"unusedGone","type":"String","anchor":false,"multivalued":false}]}]},
              {"id":"d2","name":"app","objects":[]}],
             "synchronizationRules":[{"sourceDirectoryName":"LDAP","targetDirectoryName":"app","objectMappings":[
               {"sourceObjectName":"User","targetObjectName":"User","attributeMappings":[
                 {"targetAttributeName":"userName","source":{"type":"Function","name":"Coalesce","parameters":[
                   {"key":"source","value":{"type":"Attribute","name":"mail","parameters":[]}},
                   {"key":"source","value":{"type":"Attribute","name":"legacyCode","parameters":[]}}]}}],
               "scope":{"categoryFilterGroups":[],"groups":[{"clauses":[{"sourceOperandName":"uid"}]}]}}]}]}
            """;

    @Test
    void systemTypesWinMappedAndAnchorAttributesStayNewOnesAreAppended() throws Exception {
        JsonNode schema = JSON.readTree(SCHEMA);
        ObjectNode directory = (ObjectNode) schema.get("directories").get(0);
        List<DiscoveredObject> discovered = List.of(new DiscoveredObject("user", List.of(
                new DiscoveredAttribute("mail", AttributeType.STRING, true, false, false, "ReadWrite"),
                new DiscoveredAttribute("carLicense", AttributeType.STRING, true, false, false, "ReadWrite"))),
                new DiscoveredObject("Device", List.of(
                        new DiscoveredAttribute("serial", AttributeType.INTEGER, false, true, true, "ReadOnly"))));
        Instant now = Instant.parse("2026-12-05T21:00:00Z");

        DirectoryMerge.merge(schema, directory, discovered, now, "v2");

        JsonNode user = directory.get("objects").get(0);
        assertThat(names(user)).containsExactly("objectId", "IsSoftDeleted", "mail", "legacyCode", "carLicense");
        JsonNode mail = user.get("attributes").get(2);
        assertThat(mail.get("multivalued").asBoolean()).isTrue();
        assertThat(mail.get("flowNullValues").asBoolean()).isTrue();
        JsonNode carLicense = user.get("attributes").get(4);
        assertThat(carLicense.get("mutability").asText()).isEqualTo("ReadWrite");
        assertThat(carLicense.has("apiExpressions")).isTrue();
        JsonNode device = directory.get("objects").get(1);
        assertThat(device.get("name").asText()).isEqualTo("Device");
        assertThat(device.get("attributes").get(0).get("type").asText()).isEqualTo("Integer");
        assertThat(directory.get("discoverabilities").asText()).isEqualTo("AttributeNames,AttributeDataTypes");
        assertThat(directory.get("discoveryDateTime").asText()).isEqualTo("2026-12-05T21:00:00Z");
        assertThat(directory.get("version").asText()).isEqualTo("v2");
    }

    @Test
    void usedAttributesComeFromMappingSourcesScopesAndTargets() throws Exception {
        JsonNode schema = JSON.readTree(SCHEMA);
        assertThat(DirectoryMerge.usedAttributes(schema, "LDAP").get("user"))
                .containsExactlyInAnyOrder("mail", "legacycode", "uid");
        assertThat(DirectoryMerge.usedAttributes(schema, "app").get("user")).containsExactly("username");
    }

    @Test
    void ldapObjectClassesComeFromBaseObjectNameOrTheObjectName() throws Exception {
        JsonNode directory = JSON.readTree("""
                {"objects":[{"name":"User","metadata":[{"key":"BaseObjectName","value":"inetOrgPerson, user"}]},
                            {"name":"device","metadata":[]}]}""");
        assertThat(DirectoryDiscovery.objectClasses(directory))
                .containsEntry("User", List.of("inetOrgPerson", "user"))
                .containsEntry("device", List.of("device"));
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.get("attributes").forEach(a -> names.add(a.get("name").asText()));
        return names;
    }
}
