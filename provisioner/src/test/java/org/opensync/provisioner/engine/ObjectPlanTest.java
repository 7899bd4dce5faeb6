package org.opensync.provisioner.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opensync.connectors.target.TargetType;
import org.opensync.mapping.apply.CompiledObjectMapping;
import org.opensync.mapping.model.AttributeDefinition;
import org.opensync.mapping.model.AttributeMapping;
import org.opensync.mapping.model.AttributeMappingSource;
import org.opensync.mapping.model.AttributeType;
import org.opensync.mapping.model.ObjectDefinition;
import org.opensync.mapping.model.ObjectMapping;

class ObjectPlanTest {
    private static final AttributeDefinition MANAGER = new AttributeDefinition(false, null, false, null, false, null,
            false, null, "manager", null, false, AttributeType.Reference);
    private static final AttributeDefinition TITLE = AttributeDefinition.of("title", AttributeType.String);
    private static final ObjectDefinition TARGET = new ObjectDefinition(List.of(
            AttributeDefinition.of("userName", AttributeType.String), TITLE, MANAGER,
            AttributeDefinition.of("title", AttributeType.Integer), AttributeDefinition.of(null, AttributeType.String)),
            null, "User", null);

    private final ObjectPlan plan = ObjectPlan.of(CompiledObjectMapping.compile(new ObjectMapping(List.of(
                    AttributeMapping.of("userName", attribute("mail")), AttributeMapping.of("title", attribute("title")),
                    AttributeMapping.of("manager", attribute("manager"))), null, null, null, "Provision users", null,
                    "User", "User")),
            TARGET, new TargetType("User", false));

    @Test
    void findsTargetAttributesByTheirExactNameAndTheFirstDeclarationWins() {
        assertThat(plan.targetAttribute("title")).containsSame(TITLE);
        assertThat(plan.targetAttribute("manager")).containsSame(MANAGER);
        assertThat(plan.targetAttribute("Title")).as("names are matched exactly").isEmpty();
        assertThat(plan.targetAttribute("nickName")).isEmpty();
        assertThat(plan.targetAttribute(null)).isEmpty();
    }

    @Test
    void knowsItsReferenceAttributes() {
        assertThat(plan.references()).extracting(ObjectPlan.Reference::targetAttribute).containsExactly("manager");
        assertThat(plan.isReference("manager")).isTrue();
        assertThat(plan.isReference("title")).isFalse();
        assertThat(plan.isReference("Manager")).isFalse();
        assertThat(plan.isReference(null)).isFalse();
    }

    private static AttributeMappingSource attribute(String name) {
        return new AttributeMappingSource("[" + name + "]", name, null, null);
    }
}
