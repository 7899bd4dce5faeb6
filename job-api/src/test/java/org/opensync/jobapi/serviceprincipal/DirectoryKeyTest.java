package org.opensync.jobapi.serviceprincipal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class DirectoryKeyTest {
    private static final UUID ID = UUID.fromString("5b9c6f2e-8d11-4c3a-9e70-2c4d8f1a6b03");

    @Test
    void anObjectIdOrAnAppIdAlternateKey() {
        assertThat(DirectoryKey.parse(ID.toString())).contains(new DirectoryKey("id", ID));
        assertThat(DirectoryKey.parse("appId=" + ID)).contains(new DirectoryKey("appId", ID));
        assertThat(DirectoryKey.parse("APPID=" + ID.toString().toUpperCase())).contains(new DirectoryKey("appId", ID));
        assertThat(DirectoryKey.parse("appId=" + ID).orElseThrow().condition()).isEqualTo("tenantId = ?1 and appId = ?2");
    }

    @Test
    void anythingElseNamesNothing() {
        for (String key : new String[]{"", "x", "appId=", "appId=x", "displayName=" + ID, "application=" + ID}) {
            assertThat(DirectoryKey.parse(key)).as(key).isEmpty();
        }
    }
}
