package org.opensync.jobapi.bulkupload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opensync.common.web.GraphException;

class BulkRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER_SCHEMAS = "\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
            + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"]";

    @Test
    void operationsAreReadInOrderWhateverTheCaseOfScimNames() {
        BulkRequest request = BulkRequest.parse("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],"
                + "\"operations\":[" + operation("a", "E-1", "") + "," + operation("b", "E-2", "") + "]}", 50, JSON);
        assertThat(request.operations()).extracting(BulkRequest.Operation::bulkId).containsExactly("a", "b");
        assertThat(request.operations()).extracting(BulkRequest.Operation::externalId).containsExactly("E-1", "E-2");
        assertThat(request.operations().get(0).user().path("userName").asText()).isEqualTo("u@example.org");
    }

    @Test
    void theOperationLimitIsConfigurable() {
        String two = bulk(operation("a", "E-1", "") + "," + operation("b", "E-2", ""));
        assertThat(BulkRequest.parse(two, 2, JSON).operations()).hasSize(2);
        assertThatThrownBy(() -> BulkRequest.parse(two, 1, JSON)).isInstanceOfSatisfying(GraphException.class,
                e -> assertThat(e.target()).isEqualTo("Operations"));
    }

    @Test
    void anOversizedUserOrABlankExternalIdIsRefusedWithItsPath() {
        String large = ",\"title\":\"" + "x".repeat(BulkRequest.MAX_USER_LENGTH) + "\"";
        assertThatThrownBy(() -> BulkRequest.parse(bulk(operation("a", "E-1", large)), 50, JSON))
                .isInstanceOfSatisfying(GraphException.class,
                        e -> assertThat(e.target()).isEqualTo("Operations[0].data"));
        assertThatThrownBy(() -> BulkRequest.parse(bulk(operation("a", " ", "")), 50, JSON))
                .isInstanceOfSatisfying(GraphException.class,
                        e -> assertThat(e.target()).isEqualTo("Operations[0].data.externalId"));
        assertThatThrownBy(() -> BulkRequest.parse(bulk("[]"), 50, JSON))
                .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.target()).isEqualTo("Operations[0]"));
    }

    private static String bulk(String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[" + operations
                + "]}";
    }

    private static String operation(String bulkId, String externalId, String more) {
        return "{\"method\":\"POST\",\"bulkId\":\"" + bulkId + "\",\"path\":\"/Users\",\"data\":{" + USER_SCHEMAS
                + ",\"externalId\":\"" + externalId + "\",\"userName\":\"u@example.org\"" + more + "}}";
    }
}
