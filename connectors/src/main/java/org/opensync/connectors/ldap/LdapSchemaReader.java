package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.schema.AttributeTypeDefinition;
import com.unboundid.ldap.sdk.schema.ObjectClassDefinition;
import com.unboundid.ldap.sdk.schema.Schema;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.opensync.connectors.schema.AttributeType;
import org.opensync.connectors.schema.DiscoveredAttribute;
import org.opensync.connectors.schema.DiscoveredObject;

/**
 * Turns a directory's subschema into the objects a job reads: each object is one or more object classes (as the
 * template's {@code BaseObjectName} lists them), and gets every attribute those classes and their superior classes
 * require or allow, typed by the attribute's syntax.
 */
public final class LdapSchemaReader {

    private static final String DN = "1.3.6.1.4.1.1466.115.121.1.12";
    private static final String NAME_AND_OPTIONAL_UID = "1.3.6.1.4.1.1466.115.121.1.34";
    private static final String BOOLEAN = "1.3.6.1.4.1.1466.115.121.1.7";
    private static final String INTEGER = "1.3.6.1.4.1.1466.115.121.1.27";
    /** Active Directory's 64-bit integers (timestamps such as pwdLastSet, counters). */
    private static final String AD_LARGE_INTEGER = "1.2.840.113556.1.4.906";
    private static final Set<String> DATE_TIME = Set.of("1.3.6.1.4.1.1466.115.121.1.24",
            "1.3.6.1.4.1.1466.115.121.1.53");
    /** Octet string, binary, certificates, certificate lists and pairs, JPEG, AD security descriptors. */
    private static final Set<String> BINARY = Set.of("1.3.6.1.4.1.1466.115.121.1.40", "1.3.6.1.4.1.1466.115.121.1.5",
            "1.3.6.1.4.1.1466.115.121.1.8", "1.3.6.1.4.1.1466.115.121.1.9", "1.3.6.1.4.1.1466.115.121.1.10",
            "1.3.6.1.4.1.1466.115.121.1.28", "1.2.840.113556.1.4.907");
    /** Equality rules that tell values apart by case (caseExactMatch, caseExactIA5Match, octetStringMatch). */
    private static final Set<String> CASE_EXACT_RULES = Set.of("caseexactmatch", "2.5.13.5", "caseexactia5match",
            "1.3.6.1.4.1.1466.109.114.1", "octetstringmatch", "2.5.13.17");

    private LdapSchemaReader() {
    }

    /**
     * @param classesByObject for each object name, its object classes; classes the directory does not define are
     *                        skipped (a template lists {@code inetOrgPerson} and Active Directory's {@code user})
     * @return one object per name of which at least one class is defined, in the order given
     */
    public static List<DiscoveredObject> read(Schema schema, Map<String, List<String>> classesByObject) {
        List<DiscoveredObject> objects = new ArrayList<>();
        classesByObject.forEach((objectName, classes) -> {
            Map<String, DiscoveredAttribute> attributes = new LinkedHashMap<>();
            boolean known = false;
            for (String className : classes) {
                ObjectClassDefinition objectClass = schema.getObjectClass(className);
                if (objectClass == null) {
                    continue;
                }
                known = true;
                sorted(objectClass.getRequiredAttributes(schema, true))
                        .forEach(type -> attributes.putIfAbsent(key(type), attribute(schema, type, true)));
                sorted(objectClass.getOptionalAttributes(schema, true))
                        .forEach(type -> attributes.putIfAbsent(key(type), attribute(schema, type, false)));
            }
            if (known) {
                objects.add(new DiscoveredObject(objectName, new ArrayList<>(attributes.values())));
            }
        });
        return objects;
    }

    /** The Graph type of an LDAP syntax (inherited from the superior attribute type when not declared). */
    static AttributeType type(String syntaxOid) {
        if (syntaxOid == null) {
            return AttributeType.STRING;
        }
        if (syntaxOid.equals(DN) || syntaxOid.equals(NAME_AND_OPTIONAL_UID)) {
            return AttributeType.REFERENCE;
        }
        if (syntaxOid.equals(BOOLEAN)) {
            return AttributeType.BOOLEAN;
        }
        if (syntaxOid.equals(INTEGER) || syntaxOid.equals(AD_LARGE_INTEGER)) {
            return AttributeType.INTEGER;
        }
        if (DATE_TIME.contains(syntaxOid)) {
            return AttributeType.DATE_TIME;
        }
        return BINARY.contains(syntaxOid) ? AttributeType.BINARY : AttributeType.STRING;
    }

    private static DiscoveredAttribute attribute(Schema schema, AttributeTypeDefinition type, boolean required) {
        String equality = type.getEqualityMatchingRule(schema);
        return new DiscoveredAttribute(type.getNameOrOID(), type(type.getBaseSyntaxOID(schema)), !type.isSingleValued(),
                required, equality != null && CASE_EXACT_RULES.contains(equality.toLowerCase(Locale.ROOT)),
                type.isNoUserModification() ? "ReadOnly" : "ReadWrite");
    }

    /** The SDK hands the attributes of a class over as an unordered set. */
    private static List<AttributeTypeDefinition> sorted(Set<AttributeTypeDefinition> types) {
        return types.stream().sorted(Comparator.comparing(LdapSchemaReader::key)).toList();
    }

    private static String key(AttributeTypeDefinition type) {
        return type.getNameOrOID().toLowerCase(Locale.ROOT);
    }
}
