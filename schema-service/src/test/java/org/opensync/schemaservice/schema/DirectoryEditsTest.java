package org.opensync.schemaservice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.opensync.common.web.GraphException;

class DirectoryEditsTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void anAddedDirectoryGetsAnIdAndANameOnlyOnce() throws Exception {
        ObjectNode schema = schema();
        ObjectNode added = DirectoryEdits.add(schema, mapper.readTree("{\"name\":\"HR\"}"));
        assertThat(added.path("id").asText()).isNotBlank();
        assertThat(schema.path("directories")).hasSize(3);
        assertThatThrownBy(() -> DirectoryEdits.add(schema, mapper.readTree("{\"name\":\"HR\"}")))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> DirectoryEdits.add(schema, mapper.readTree("{\"id\":\"d1\",\"name\":\"X\"}")))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.target()).isEqualTo("id"));
    }

    @Test
    void anUpdateRenamesAndReplacesObjectsOnlyWhenAsked() throws Exception {
        ObjectNode schema = schema();
        DirectoryEdits.update(schema, "d2", mapper.readTree("{\"name\":\"Target\"}"));
        assertThat(DirectoryEdits.find(schema, "d2").path("objects")).hasSize(1);
        DirectoryEdits.update(schema, "d2", mapper.readTree("{\"objects\":[]}"));
        assertThat(DirectoryEdits.find(schema, "d2").path("name").asText()).isEqualTo("Target");
        assertThat(DirectoryEdits.find(schema, "d2").path("objects")).isEmpty();
        assertThatThrownBy(() -> DirectoryEdits.update(schema, "d2", mapper.readTree("{\"name\":\"LDAP\"}")))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThat(DirectoryEdits.isEmpty(mapper.readTree("{\"@odata.type\":\"x\"}"))).isTrue();
        assertThat(DirectoryEdits.isEmpty(mapper.readTree("{\"name\":\"x\"}"))).isFalse();
    }

    @Test
    void aDirectoryARuleUsesIsNotRemoved() throws Exception {
        ObjectNode schema = schema();
        assertThatThrownBy(() -> DirectoryEdits.remove(schema, "d1"))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.target()).isEqualTo("synchronizationRules[0]");
                });
        ((ObjectNode) schema.at("/synchronizationRules/0")).put("targetDirectoryName", "LDAP");
        DirectoryEdits.remove(schema, "d2");
        assertThat(schema.path("directories")).hasSize(1);
        assertThatThrownBy(() -> DirectoryEdits.remove(schema, "d2"))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    private ObjectNode schema() throws Exception {
        return (ObjectNode) mapper.readTree("""
                {"directories":[{"id":"d1","name":"LDAP","objects":[]},
                                {"id":"d2","name":"customappsso","objects":[{"name":"User"}]}],
                 "synchronizationRules":[{"sourceDirectoryName":"LDAP","targetDirectoryName":"customappsso"}]}""");
    }
}
