package org.opensync.connectors.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectDefinitionMetadata;
import org.opensync.mapping.model.ObjectDefinitionMetadataEntry;

class SourcePlanTest {

    @Test
    void objectClassesFromBaseObjectNameBecomeAFilter() {
        assertThat(SourcePlan.filter(object("User", "inetOrgPerson"), false)).isEqualTo("(objectClass=inetOrgPerson)");
        assertThat(SourcePlan.filter(object("Group", "groupOfNames, group"), false))
                .isEqualTo("(|(objectClass=groupOfNames)(objectClass=group))");
        assertThat(SourcePlan.filter(object("User", "user"), true))
                .isEqualTo("(&(objectClass=user)(!(objectClass=computer)))");
        assertThat(SourcePlan.filter(object("User", null), false)).isEqualTo("(objectClass=User)");
    }

    @Test
    void aBaseObjectNameCannotAddTermsToTheFilter() {
        assertThat(SourcePlan.filter(object("User", "person)(uid=*"), false))
                .isEqualTo("(objectClass=person\\29\\28uid=\\2a)");
        assertThat(SourcePlan.filter(object("User", "*"), false)).isEqualTo("(objectClass=\\2a)");
    }

    private static ObjectDefinition object(String name, String baseObjectName) {
        return new ObjectDefinition(List.of(), baseObjectName == null ? List.of()
                : List.of(new ObjectDefinitionMetadataEntry(ObjectDefinitionMetadata.BaseObjectName, baseObjectName)),
                name, List.of());
    }
}
