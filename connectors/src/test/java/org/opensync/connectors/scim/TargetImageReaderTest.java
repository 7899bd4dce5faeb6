package org.opensync.connectors.scim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetImageReaderTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final List<String> NAMES = List.of("userName", "active", "name.givenName",
            "emails[type eq \"work\"].value", "phoneNumbers[type eq \"mobile\"].value",
            "addresses[type eq \"work\"].postalCode", ENTERPRISE + ":department", ENTERPRISE + ":manager", "title",
            "members");

    @Test
    void readsEveryKindOfNameCaseInsensitively() {
        Map<String, Object> values = TargetImageReader.read(Json.parse("""
                {'id':'1','UserName':'jdoe','active':'False','name':{'GivenName':'John'},
                  'emails':[{'type':'home','value':'h@x'},{'type':'Work','value':'w@x'}],
                  'phoneNumbers':[{'type':'mobile','value':'+1'}],
                  'addresses':[{'type':'work','postalCode':'98101'}],
                  'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':
                          {'department':'Eng','manager':{'value':'m1','displayName':'Boss'}}}"""), NAMES);
        assertThat(values).containsExactly(
                Map.entry("userName", "jdoe"),
                Map.entry("active", false),
                Map.entry("name.givenName", "John"),
                Map.entry("emails[type eq \"work\"].value", "w@x"),
                Map.entry("phoneNumbers[type eq \"mobile\"].value", "+1"),
                Map.entry("addresses[type eq \"work\"].postalCode", "98101"),
                Map.entry(ENTERPRISE + ":department", "Eng"),
                Map.entry(ENTERPRISE + ":manager", "m1"));
    }

    @Test
    void readsTheManagerInEveryFormTargetsUseAndMembersAsIds() {
        for (String manager : List.of("'m1'", "{'value':'m1'}", "[{'value':'m1','$ref':'../Users/m1'}]")) {
            assertThat(TargetImageReader.read(Json.parse("{'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':"
                    + "{'manager':" + manager + "}}"), List.of(ENTERPRISE + ":manager")))
                    .containsEntry(ENTERPRISE + ":manager", "m1");
        }
        assertThat(TargetImageReader.read(Json.parse("{'members':[{'value':'a'},{'value':'b','display':'B'}]}"),
                List.of("members"))).containsEntry("members", List.of("a", "b"));
    }
}
