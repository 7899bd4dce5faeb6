package org.opensync.connectors.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.schema.AttributeType;
import org.opensync.connectors.schema.DiscoveredAttribute;
import org.opensync.connectors.schema.DiscoveredObject;
import org.opensync.sandbox.directory.InMemoryTestDirectory;
import org.opensync.sandbox.directory.SlapdTestDirectory;
import org.opensync.sandbox.directory.TestDirectory;

/** The schema read of the real slapd and of the in-memory server, through {@link LdapSource#discoverObjects}. */
class LdapSchemaReaderTest {

    /** As the scim template names the objects: OpenLDAP and Active Directory classes side by side. */
    private static final Map<String, List<String>> TEMPLATE_CLASSES = new LinkedHashMap<>(Map.of(
            "User", List.of("inetOrgPerson", "user")));

    static {
        TEMPLATE_CLASSES.put("Group", List.of("groupOfNames", "group"));
        TEMPLATE_CLASSES.put("Printer", List.of("noSuchClass"));
    }

    @Test
    void slapdDescribesUsersAndGroupsByTheirClassesAndSuperiorClasses() {
        try (TestDirectory directory = new SlapdTestDirectory();
             LdapSource source = LdapSource.open(TestSettings.of(directory))) {
            assertTemplateObjects(source.discoverObjects(TEMPLATE_CLASSES));
        }
    }

    @Test
    void theInMemoryServerReadsTheSameWay() {
        try (TestDirectory directory = new InMemoryTestDirectory();
             LdapSource source = LdapSource.open(TestSettings.of(directory))) {
            assertTemplateObjects(source.discoverObjects(TEMPLATE_CLASSES));
        }
    }

    @Test
    void syntaxesMapToGraphTypes() {
        assertThat(LdapSchemaReader.type("1.3.6.1.4.1.1466.115.121.1.12")).isEqualTo(AttributeType.REFERENCE);
        assertThat(LdapSchemaReader.type("1.3.6.1.4.1.1466.115.121.1.27")).isEqualTo(AttributeType.INTEGER);
        assertThat(LdapSchemaReader.type("1.2.840.113556.1.4.906")).isEqualTo(AttributeType.INTEGER);
        assertThat(LdapSchemaReader.type("1.3.6.1.4.1.1466.115.121.1.7")).isEqualTo(AttributeType.BOOLEAN);
        assertThat(LdapSchemaReader.type("1.3.6.1.4.1.1466.115.121.1.24")).isEqualTo(AttributeType.DATE_TIME);
        assertThat(LdapSchemaReader.type("1.3.6.1.4.1.1466.115.121.1.40")).isEqualTo(AttributeType.BINARY);
        assertThat(LdapSchemaReader.type("1.3.6.1.4.1.1466.115.121.1.15")).isEqualTo(AttributeType.STRING);
        assertThat(LdapSchemaReader.type(null)).isEqualTo(AttributeType.STRING);
    }

    private static void assertTemplateObjects(List<DiscoveredObject> objects) {
        assertThat(objects).extracting(DiscoveredObject::name).containsExactly("User", "Group");
        DiscoveredObject user = objects.get(0);
        // inetOrgPerson's own, organizationalPerson's and person's attributes
        assertThat(attribute(user, "uid")).hasValueSatisfying(uid -> {
            assertThat(uid.type()).isEqualTo(AttributeType.STRING);
            assertThat(uid.multivalued()).isTrue();
        });
        assertThat(attribute(user, "cn")).hasValueSatisfying(cn -> assertThat(cn.required()).isTrue());
        assertThat(attribute(user, "sn")).hasValueSatisfying(sn -> assertThat(sn.required()).isTrue());
        assertThat(attribute(user, "title")).isPresent();
        assertThat(attribute(user, "carLicense")).hasValueSatisfying(a -> assertThat(a.required()).isFalse());
        assertThat(attribute(user, "displayName")).hasValueSatisfying(a -> assertThat(a.multivalued()).isFalse());
        assertThat(attribute(user, "manager")).hasValueSatisfying(a ->
                assertThat(a.type()).isEqualTo(AttributeType.REFERENCE));
        assertThat(attribute(user, "jpegPhoto")).hasValueSatisfying(a ->
                assertThat(a.type()).isEqualTo(AttributeType.BINARY));
        assertThat(attribute(user, "member")).isEmpty();
        DiscoveredObject group = objects.get(1);
        assertThat(attribute(group, "member")).hasValueSatisfying(member -> {
            assertThat(member.type()).isEqualTo(AttributeType.REFERENCE);
            assertThat(member.multivalued()).isTrue();
        });
    }

    private static Optional<DiscoveredAttribute> attribute(DiscoveredObject object, String name) {
        return object.attributes().stream().filter(a -> a.name().equalsIgnoreCase(name)).findFirst();
    }
}
