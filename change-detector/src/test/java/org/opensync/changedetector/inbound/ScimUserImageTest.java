package org.opensync.changedetector.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opensync.common.events.EventCodec;

class ScimUserImageTest {
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void aScimUserReadsAsEntrasApiSourceAttributes() throws Exception {
        ObjectNode user = (ObjectNode) EventCodec.mapper().readTree("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%1$s","urn:contoso:employee"],
                 "externalId":"E-1","userName":"ivan@example.org","nickName":null,
                 "name":{"givenName":"Ivan","familyName":"Petrov"},
                 "emails":[{"type":"work","value":"ivan@work.example","primary":true},{"type":"home","value":"i@home.example"}],
                 "phoneNumbers":[{"type":"mobile","value":"+1 555"}],
                 "addresses":[{"type":"work","locality":"Dallas","country":"US"}],
                 "active":false,
                 "%1$s":{"department":"Logistics","manager":{"value":"E-9","displayName":"Boss"}},
                 "urn:contoso:employee":{"grade":7,"skills":["java","sql"]}}""".formatted(ENTERPRISE));
        Map<String, List<String>> image = ScimUserImage.image("E-1", "op-7", user);
        assertThat(image)
                .containsEntry("objectId", List.of("E-1"))
                .containsEntry("bulkId", List.of("op-7"))
                .containsEntry("externalId", List.of("E-1"))
                .containsEntry("userName", List.of("ivan@example.org"))
                .containsEntry("name.givenName", List.of("Ivan"))
                .containsEntry("emails[type eq \"work\"].value", List.of("ivan@work.example"))
                .containsEntry("emails[type eq \"home\"].value", List.of("i@home.example"))
                .containsEntry("phoneNumbers[type eq \"mobile\"].value", List.of("+1 555"))
                .containsEntry("addresses[type eq \"work\"].locality", List.of("Dallas"))
                .containsEntry("active", List.of("False"))
                .containsEntry("IsSoftDeleted", List.of("True"))
                .containsEntry(ENTERPRISE + ":department", List.of("Logistics"))
                .containsEntry(ENTERPRISE + ":manager", List.of("E-9"))
                .containsEntry("urn:contoso:employee:grade", List.of("7"))
                .containsEntry("urn:contoso:employee:skills", List.of("java", "sql"))
                .doesNotContainKeys("schemas", "nickName");
    }

    @Test
    void withoutActiveTheAccountStateIsNotInTheImage() throws Exception {
        ObjectNode user = (ObjectNode) EventCodec.mapper().readTree("{\"externalId\":\"E-1\",\"userName\":\"u\"}");
        assertThat(ScimUserImage.image("E-1", null, user)).doesNotContainKeys("active", "IsSoftDeleted", "bulkId");
    }
}
