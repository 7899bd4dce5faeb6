package org.opensync.mapping.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.InputStream;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GraphModelJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode resource(String name) throws Exception {
        try (InputStream in = GraphModelJsonTest.class.getResourceAsStream("/graph/" + name)) {
            return JSON.readTree(in);
        }
    }

    @Test
    void documentedSchemaRoundTripsExactly() throws Exception {
        JsonNode documented = resource("appendix-a-schema.json");

        SynchronizationSchema schema = JSON.treeToValue(documented, SynchronizationSchema.class);

        JsonNode written = JSON.valueToTree(schema);
        assertThat(written).isEqualTo(documented);
        ObjectMapping users = schema.synchronizationRules().get(0).objectMappings().get(0);
        assertThat(users.flowTypes()).containsExactly(ObjectFlowType.Add, ObjectFlowType.Update, ObjectFlowType.Delete);
        assertThat(users.scope().groups().get(0).clauses().get(0).operatorName()).isEqualTo("EQUALS");
        assertThat(schema.directory("customappsso").flatMap(d -> d.object("User")).flatMap(o -> o.attribute("active"))
                .map(AttributeDefinition::type)).contains(AttributeType.Boolean);
    }

    @Test
    void discoveredDirectoryKeepsItsTimestampAndFlags() throws Exception {
        DirectoryDefinition directory = JSON.treeToValue(resource("discovered-directory.json"), DirectoryDefinition.class);

        assertThat(directory.discoveryDateTime()).isEqualTo(Instant.parse("2025-01-14T10:02:33.512Z"));
        assertThat(directory.discoverabilities()).containsExactly(DirectoryDefinitionDiscoverability.AttributeNames,
                DirectoryDefinitionDiscoverability.AttributeDataTypes);
        JsonNode written = JSON.valueToTree(directory);
        assertThat(written.get("discoveryDateTime").asText()).isEqualTo("2025-01-14T10:02:33.512Z");
        assertThat(written.get("discoverabilities").asText()).isEqualTo("AttributeNames,AttributeDataTypes");
    }

    @Test
    void flagEnumsAcceptSpacesCaseAndOrderAndAreWrittenCompact() throws Exception {
        ObjectMapping mapping = JSON.readValue("{\"flowTypes\": \" update , ADD\"}", ObjectMapping.class);

        assertThat(mapping.flowTypes()).isEqualTo(EnumSet.of(ObjectFlowType.Add, ObjectFlowType.Update));
        assertThat(JSON.valueToTree(mapping).get("flowTypes").asText()).isEqualTo("Add,Update");
        assertThat(JSON.readValue("{\"flowTypes\": \"None\"}", ObjectMapping.class).flowTypes()).isEmpty();
        assertThat(FlagSets.parse(DirectoryDefinitionDiscoverability.class, "AttributeNames, None"))
                .containsExactly(DirectoryDefinitionDiscoverability.AttributeNames);
        assertThatThrownBy(() -> JSON.readValue("{\"flowTypes\": \"Add,Bogus\"}", ObjectMapping.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("'Bogus' is not a member of ObjectFlowType");
    }

    @Test
    void anEmptyFlagEnumIsRefusedNotTakenForNone() {
        assertThatThrownBy(() -> JSON.readValue("{\"flowTypes\": \"\"}", ObjectMapping.class))
                .isInstanceOfSatisfying(JsonMappingException.class, e -> {
                    assertThat(e.getOriginalMessage()).contains("empty string").contains("ObjectFlowType");
                    assertThat(e.getPath().get(0).getFieldName()).isEqualTo("flowTypes");
                });
        assertThatThrownBy(() -> JSON.readValue("{\"name\": \"LDAP\", \"discoverabilities\": \" \"}",
                DirectoryDefinition.class)).isInstanceOf(JsonMappingException.class)
                .hasMessageContaining("DirectoryDefinitionDiscoverability");
    }

    @Test
    void absentValuesTakeTheDocumentedDefaults() throws Exception {
        ObjectMapping mapping = JSON.readValue("{\"attributeMappings\": [{\"targetAttributeName\": \"x\"}]}",
                ObjectMapping.class);
        AttributeMapping attribute = mapping.attributeMappings().get(0);

        assertThat(mapping.enabled()).isTrue();
        assertThat(mapping.flowTypes()).isEqualTo(ObjectMapping.DEFAULT_FLOW_TYPES);
        assertThat(attribute.flowType()).isEqualTo(AttributeFlowType.Always);
        assertThat(attribute.flowBehavior()).isEqualTo(AttributeFlowBehavior.FlowWhenChanged);
        AttributeDefinition definition = JSON.readValue("{\"name\": \"n\"}", AttributeDefinition.class);
        assertThat(definition.type()).isEqualTo(AttributeType.String);
        assertThat(definition.mutability()).isEqualTo(Mutability.ReadWrite);
        assertThat(JSON.readValue("{\"name\": \"n\"}", AttributeMappingSource.class).type())
                .isEqualTo(AttributeMappingSourceType.Attribute);
        assertThat(JSON.readValue("{}", FilterOperatorSchema.class).arity()).isEqualTo(ScopeOperatorType.Binary);
    }

    @Test
    void everyDeclaredPropertyIsWrittenEvenWithAnOmittingMapper() {
        ObjectMapper omitting = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

        JsonNode written = omitting.valueToTree(new ObjectDefinition(null, null, "User", null));

        assertThat(written.toString()).isEqualTo("{\"attributes\":[],\"metadata\":[],\"name\":\"User\",\"supportedApis\":[]}");
        assertThat(omitting.valueToTree(new ReferencedObject("User", null)).has("referencedProperty")).isTrue();
        assertThat(omitting.valueToTree(PublicError.of("c", "m", null)).toString())
                .isEqualTo("{\"code\":\"c\",\"message\":\"m\",\"target\":null,\"details\":[],\"innerError\":null}");
    }

    @Test
    void unknownPropertiesAndAnnotationsAreIgnored() throws Exception {
        AttributeMappingSource source = JSON.readValue("{\"@odata.type\": \"#microsoft.graph.attributeMappingSource\","
                + " \"name\": \"mail\", \"futureProperty\": {\"a\": 1}}", AttributeMappingSource.class);
        StringKeyObjectValuePair property = JSON.readValue("{\"key\": \"k\", \"value@odata.type\": "
                + "\"#Collection(String)\", \"value\": [\"a\", \"b\"]}", StringKeyObjectValuePair.class);

        assertThat(source.name()).isEqualTo("mail");
        assertThat(property.value().size()).isEqualTo(2);
    }

    @Test
    void enumsAreMatchedCaseInsensitivelyAndWrittenExactly() throws Exception {
        AttributeDefinition definition = JSON.readValue("{\"name\": \"n\", \"type\": \"string\", "
                + "\"mutability\": \"readonly\"}", AttributeDefinition.class);
        SynchronizationMetadataEntry entry = JSON.readValue("{\"key\": \"GalleryApplicationKey\", \"value\": \"x\"}",
                SynchronizationMetadataEntry.class);

        assertThat(JSON.valueToTree(definition).get("type").asText()).isEqualTo("String");
        assertThat(JSON.valueToTree(definition).get("mutability").asText()).isEqualTo("ReadOnly");
        assertThat(JSON.valueToTree(entry).get("key").asText()).isEqualTo("galleryApplicationKey");
        assertThatThrownBy(() -> JSON.readValue("{\"type\": \"Strung\"}", AttributeDefinition.class))
                .isInstanceOf(JsonMappingException.class).hasMessageContaining("not a member of AttributeType");
    }

    @Test
    void stringBooleansAreAcceptedWhereTheDocsTypedStrings() throws Exception {
        AttributeMapping mapping = JSON.readValue("{\"exportMissingReferences\": \"true\"}", AttributeMapping.class);
        SynchronizationTemplate template = JSON.readValue("{\"id\": \"scim\", \"default\": true, \"discoverable\": "
                + "\"false\", \"applicationId\": \"8ADF8E6E-67B2-4CF2-A259-E3DC5476C621\"}", SynchronizationTemplate.class);

        assertThat(mapping.exportMissingReferences()).isTrue();
        assertThat(template.isDefault()).isTrue();
        assertThat(template.discoverable()).isFalse();
        JsonNode written = JSON.valueToTree(template);
        assertThat(written.get("default").asBoolean()).isTrue();
        assertThat(written.get("applicationId").asText()).isEqualTo("8adf8e6e-67b2-4cf2-a259-e3dc5476c621");
        assertThat(written.has("isDefault")).isFalse();
    }

    @Test
    void collectionsAreImmutableCopies() {
        List<String> values = new java.util.ArrayList<>(List.of("a"));
        FilterOperand operand = new FilterOperand(values);
        values.add("b");

        assertThat(operand.values()).containsExactly("a");
        assertThatThrownBy(() -> operand.values().add("c")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new FilterOperand(java.util.Arrays.asList("a", null)))
                .hasMessageContaining("null elements");
        Set<ObjectFlowType> flags = new ObjectMapping(null, null, EnumSet.of(ObjectFlowType.None, ObjectFlowType.Add),
                null, null, null, null, null).flowTypes();
        assertThat(flags).containsExactly(ObjectFlowType.Add);
    }

    @Test
    void serialisesWithIndentationToo() throws Exception {
        ObjectMapper pretty = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

        assertThat(pretty.writeValueAsString(new FilterOperand(List.of("x")))).contains("\"values\" : [ \"x\" ]");
    }
}
