package org.opensync.connectors.ldap.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which modifications an update sends: only what differs. */
class LdapTargetChangesTest {

    private static final Set<String> DN_VALUED = LdapTargetSettings.defaults().dnValuedAttributes();

    private final TargetEntry current = new TargetEntry("cn=a,ou=people,dc=example,dc=org", Map.of(
            "cn", List.of("a"), "title", List.of("Engineer"), "mail", List.of("a@example.org"),
            "telephoneNumber", List.of("1", "2", "3"), "manager", List.of("CN=Boss, OU=People,DC=example,DC=org")));

    @Test
    void equalValuesAndUnlistedAttributesAreNotTouched() {
        Map<String, List<String>> desired = Map.of("TITLE", List.of("Engineer"), "telephoneNumber",
                List.of("3", "2", "1"), "manager", List.of("cn=boss,ou=people,dc=example,dc=org"));

        assertThat(AttributeChanges.between(current, desired, Set.of(), DN_VALUED)).isEmpty();
    }

    @Test
    void singleValuesAreReplacedAndEmptiedOnesDeleted() {
        Map<String, List<String>> desired = new LinkedHashMap<>();
        desired.put("title", List.of("Lead"));
        desired.put("mail", List.of());
        desired.put("description", List.of());
        desired.put("employeeType", List.of("staff"));

        assertThat(describe(AttributeChanges.between(current, desired, Set.of(), DN_VALUED)))
                .containsExactly("REPLACE title [Lead]", "DELETE mail []", "REPLACE employeeType [staff]");
    }

    @Test
    void multipleValuesAreAddedAndRemovedOneByOne() {
        Map<String, List<String>> desired = Map.of("telephoneNumber", List.of("2", "3", "4", "5"));

        assertThat(describe(AttributeChanges.between(current, desired, Set.of(), DN_VALUED)))
                .containsExactly("DELETE telephoneNumber [1]", "ADD telephoneNumber [4, 5]");
    }

    @Test
    void theNamingAttributeIsLeftToTheRename() {
        Map<String, List<String>> desired = Map.of("CN", List.of("b"), "title", List.of("Lead"));

        assertThat(describe(AttributeChanges.between(current, desired, Set.of("cn"), DN_VALUED)))
                .containsExactly("REPLACE title [Lead]");
    }

    private static List<String> describe(List<Modification> modifications) {
        return modifications.stream().map(m -> (m.getModificationType() == ModificationType.REPLACE ? "REPLACE"
                : m.getModificationType() == ModificationType.ADD ? "ADD" : "DELETE") + " " + m.getAttributeName()
                + " " + List.of(m.getValues())).toList();
    }
}
