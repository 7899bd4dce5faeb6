package org.opensync.connectors.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.schema.AttributeType;
import org.opensync.connectors.schema.DiscoveredAttribute;
import org.opensync.connectors.schema.DiscoveredObject;

/** {@link ScimClient#readSchema()} against the sandbox's /ResourceTypes and /Schemas. */
class ScimSchemaReaderTest extends SandboxScimServer {

    @Test
    void resourceTypesBecomeObjectsNamedAsTheTemplateNamesAttributes() {
        List<DiscoveredObject> objects = client().readSchema();

        assertThat(objects).extracting(DiscoveredObject::name).containsExactly("User", "Group");
        DiscoveredObject user = objects.get(0);
        assertThat(attribute(user, "id")).hasValueSatisfying(id -> assertThat(id.mutability()).isEqualTo("ReadOnly"));
        assertThat(attribute(user, "externalId")).isPresent();
        assertThat(attribute(user, "userName")).hasValueSatisfying(a -> assertThat(a.required()).isTrue());
        assertThat(attribute(user, "active")).hasValueSatisfying(a ->
                assertThat(a.type()).isEqualTo(AttributeType.BOOLEAN));
        assertThat(attribute(user, "password")).hasValueSatisfying(a ->
                assertThat(a.mutability()).isEqualTo("WriteOnly"));
        // single-valued complex: dotted; multi-valued with canonical types: one per type and sub-attribute
        assertThat(attribute(user, "name.givenName")).isPresent();
        assertThat(attribute(user, "name.middleName")).isPresent();
        assertThat(attribute(user, "emails[type eq \"work\"].value")).hasValueSatisfying(a ->
                assertThat(a.multivalued()).isFalse());
        assertThat(attribute(user, "phoneNumbers[type eq \"fax\"].value")).isPresent();
        assertThat(attribute(user, "addresses[type eq \"work\"].postalCode")).isPresent();
        assertThat(attribute(user, "emails[type eq \"work\"].type")).isEmpty();
        assertThat(attribute(user, "emails[type eq \"work\"].primary")).isEmpty();
        // no canonical types: the attribute itself, multi-valued
        assertThat(attribute(user, "roles")).hasValueSatisfying(a -> assertThat(a.multivalued()).isTrue());
        assertThat(attribute(user, "x509Certificates")).hasValueSatisfying(a ->
                assertThat(a.type()).isEqualTo(AttributeType.BINARY));
        // extension attributes by their URN; a complex attribute with $ref is one reference
        String enterprise = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";
        assertThat(attribute(user, enterprise + "department")).isPresent();
        assertThat(attribute(user, enterprise + "manager")).hasValueSatisfying(a -> {
            assertThat(a.type()).isEqualTo(AttributeType.REFERENCE);
            assertThat(a.multivalued()).isFalse();
        });
        assertThat(attribute(user, "groups")).hasValueSatisfying(a -> {
            assertThat(a.type()).isEqualTo(AttributeType.REFERENCE);
            assertThat(a.mutability()).isEqualTo("ReadOnly");
        });
        DiscoveredObject group = objects.get(1);
        assertThat(attribute(group, "members")).hasValueSatisfying(a -> {
            assertThat(a.type()).isEqualTo(AttributeType.REFERENCE);
            assertThat(a.multivalued()).isTrue();
        });
        assertThat(attribute(group, "displayName")).isPresent();
    }

    @Test
    void scimTypesMapToGraphTypes() {
        assertThat(ScimSchemaReader.type("dateTime")).isEqualTo(AttributeType.DATE_TIME);
        assertThat(ScimSchemaReader.type("integer")).isEqualTo(AttributeType.INTEGER);
        assertThat(ScimSchemaReader.type("reference")).isEqualTo(AttributeType.REFERENCE);
        assertThat(ScimSchemaReader.type("decimal")).isEqualTo(AttributeType.STRING);
    }

    private static Optional<DiscoveredAttribute> attribute(DiscoveredObject object, String name) {
        return object.attributes().stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
