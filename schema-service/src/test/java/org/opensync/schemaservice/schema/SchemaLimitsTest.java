package org.opensync.schemaservice.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opensync.common.web.GraphException;
import org.opensync.schemaservice.config.SchemaServiceConfig;

class SchemaLimitsTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final SchemaLimits limits = new SchemaLimits(new SchemaServiceConfig.Limits() {
        @Override
        public int schemaSize() {
            return 200;
        }

        @Override
        public int expressionLength() {
            return 10;
        }

        @Override
        public int stringLength() {
            return 20;
        }
    }, mapper);

    @Test
    void theOffendingValueIsNamedByItsJsonPath() throws Exception {
        assertThatThrownBy(() -> limits.check(json("{\"synchronizationRules\":[{\"objectMappings\":[{"
                + "\"attributeMappings\":[{},{\"source\":{\"expression\":\"Join(\\\" \\\", [a], [b])\"}}]}]}]}")))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.target()).isEqualTo(
                            "synchronizationRules[0].objectMappings[0].attributeMappings[1].source.expression");
                });
        assertThatThrownBy(() -> limits.check(json("{\"directories\":[{\"name\":\"" + "n".repeat(21) + "\"}]}")))
                .isInstanceOfSatisfying(GraphException.class,
                        e -> assertThat(e.target()).isEqualTo("directories[0].name"));
    }

    @Test
    void theWholeDocumentIsLimitedToo() throws Exception {
        StringBuilder many = new StringBuilder("{\"directories\":[");
        for (int i = 0; i < 20; i++) {
            many.append(i == 0 ? "" : ",").append("{\"name\":\"directory").append(i).append("\"}");
        }
        assertThatThrownBy(() -> limits.check(json(many.append("]}").toString())))
                .isInstanceOfSatisfying(GraphException.class,
                        e -> assertThat(e.getMessage()).contains("at most 200"));
        limits.check(json("{\"directories\":[{\"name\":\"LDAP\"}],\"synchronizationRules\":[]}"));
    }

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }
}
