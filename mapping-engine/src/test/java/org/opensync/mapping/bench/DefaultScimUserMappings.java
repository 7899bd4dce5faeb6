package org.opensync.mapping.bench;

import java.util.ArrayList;
import java.util.List;
import org.opensync.mapping.expression.Expressions;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.AttributeMapping;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectMapping;

/** The 22 default user mappings of the non-gallery SCIM app, Entra source names. */
final class DefaultScimUserMappings {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:";
    /** target, source expression, in the order of Entra's defaults. */
    static final String[][] ROWS = {
        {"userName", "[userPrincipalName]"},
        {"active", "Switch([IsSoftDeleted], , \"False\", \"True\", \"True\", \"False\")"},
        {"displayName", "[displayName]"},
        {"title", "[jobTitle]"},
        {"emails[type eq \"work\"].value", "[mail]"},
        {"preferredLanguage", "[preferredLanguage]"},
        {"name.givenName", "[givenName]"},
        {"name.familyName", "[surname]"},
        {"name.formatted", "Join(\" \", [givenName], [surname])"},
        {"addresses[type eq \"work\"].formatted", "[physicalDeliveryOfficeName]"},
        {"addresses[type eq \"work\"].streetAddress", "[streetAddress]"},
        {"addresses[type eq \"work\"].locality", "[city]"},
        {"addresses[type eq \"work\"].region", "[state]"},
        {"addresses[type eq \"work\"].postalCode", "[postalCode]"},
        {"addresses[type eq \"work\"].country", "[country]"},
        {"phoneNumbers[type eq \"work\"].value", "[telephoneNumber]"},
        {"phoneNumbers[type eq \"mobile\"].value", "[mobile]"},
        {"phoneNumbers[type eq \"fax\"].value", "[facsimileTelephoneNumber]"},
        {"externalId", "[mailNickname]"},
        {ENTERPRISE + "employeeNumber", "[employeeId]"},
        {ENTERPRISE + "department", "[department]"},
        {ENTERPRISE + "manager", "[manager]"},
    };

    private DefaultScimUserMappings() {
    }

    static ObjectMapping objectMapping() {
        List<AttributeMapping> mappings = new ArrayList<>();
        for (String[] row : ROWS) {
            int matchingPriority = row[0].equals("userName") ? 1 : 0;
            mappings.add(new AttributeMapping(null, false, null, null, matchingPriority,
                    Expressions.parse(row[1]).toMappingSource(), row[0]));
        }
        return new ObjectMapping(mappings, true, null, null, "Provision Microsoft Entra ID Users", null, "User", "User");
    }

    static ObjectDefinition source() {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (String name : List.of("userPrincipalName", "IsSoftDeleted", "displayName", "jobTitle", "mail",
                "preferredLanguage", "givenName", "surname", "physicalDeliveryOfficeName", "streetAddress", "city",
                "state", "postalCode", "country", "telephoneNumber", "mobile", "facsimileTelephoneNumber",
                "mailNickname", "employeeId", "department", "manager")) {
            AttributeType type = name.equals("IsSoftDeleted") ? AttributeType.Boolean
                    : name.equals("manager") ? AttributeType.Reference : AttributeType.String;
            attributes.add(AttributeDefinition.of(name, type));
        }
        return new ObjectDefinition(attributes, null, "User", null);
    }

    static ObjectDefinition target() {
        List<AttributeDefinition> attributes = new ArrayList<>();
        for (String[] row : ROWS) {
            AttributeType type = row[0].equals("active") ? AttributeType.Boolean
                    : row[0].endsWith(":manager") ? AttributeType.Reference : AttributeType.String;
            attributes.add(AttributeDefinition.of(row[0], type));
        }
        return new ObjectDefinition(attributes, null, "User", null);
    }
}
