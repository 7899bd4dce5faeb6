package org.opensync.common.ondemand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.opensync.common.web.GraphException;

class OnDemandRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsAUserAndAGroupWithMembers() throws Exception {
        OnDemandRequest user = OnDemandRequest.parse(json("{'parameters':[{'ruleId':'r1','subjects':"
                + "[{'objectId':'uid=a,dc=x','objectTypeName':'User'}]}]}"));
        assertThat(user.ruleId()).isEqualTo("r1");
        assertThat(user.subject().objectId()).isEqualTo("uid=a,dc=x");
        assertThat(user.subject().members()).isEmpty();

        OnDemandRequest group = OnDemandRequest.parse(json("{'parameters':[{'ruleId':'r1','subjects':[{'objectId':"
                + "'g','objectTypeName':'Group','links':{'members':[{'objectId':'m1','objectTypeName':'User'}]}}]}]}"));
        assertThat(group.subject().members()).extracting(OnDemandRequest.Subject::objectId).containsExactly("m1");
    }

    @Test
    void refusesWhatIsMissingMalformedOrTooMuchNamingThePath() {
        refused("{}", "parameters");
        refused("{'parameters':[]}", "parameters");
        refused("{'parameters':[{'subjects':[{'objectId':'a','objectTypeName':'User'}]}]}", "parameters[0].ruleId");
        refused("{'parameters':[{'ruleId':'r','subjects':[]}]}", "parameters[0].subjects");
        refused("{'parameters':[{'ruleId':'r','subjects':[{'objectId':'a','objectTypeName':'User'},"
                + "{'objectId':'b','objectTypeName':'User'}]}]}", "parameters[0].subjects");
        refused("{'parameters':[{'ruleId':'r','subjects':[{'objectTypeName':'User'}]}]}",
                "parameters[0].subjects[0].objectId");
        refused("{'parameters':[{'ruleId':'r','subjects':[{'objectId':'a','objectTypeName':'User','links':"
                + "{'members':[{'objectId':'b','objectTypeName':'User'}]}}]}]}", "parameters[0].subjects[0].links.members");
        refused("{'parameters':[{'ruleId':'r','subjects':[{'objectId':'g','objectTypeName':'Group','links':"
                + "{'members':[" + "{'objectId':'m','objectTypeName':'User'},".repeat(6) + "]}}]}]}",
                "parameters[0].subjects[0].links.members");
        refused("{'parameters':[{'ruleId':'" + "r".repeat(200) + "','subjects':[{'objectId':'a','objectTypeName':"
                + "'User'}]}]}", "parameters[0].ruleId");
    }

    private static void refused(String body, String target) {
        assertThatThrownBy(() -> OnDemandRequest.parse(json(body))).isInstanceOfSatisfying(GraphException.class,
                e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.target()).isEqualTo(target);
                });
    }

    private static JsonNode json(String relaxed) {
        try {
            return JSON.readTree(relaxed.replace('\'', '"').replace(",]", "]"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
