package org.opensync.connectors.ldap;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WatermarkTest {

    @Test
    void contentSyncCookiesSurviveTheStringForm() {
        byte[] cookie = "rid=000,csn=20261126053901.711742Z#000000#000#000000".getBytes(StandardCharsets.UTF_8);
        Watermark watermark = Watermark.of(new Watermark.ContentSyncPosition(Map.of("User", cookie)));
        Watermark restored = new Watermark(watermark.value());
        Watermark.ContentSyncPosition position = (Watermark.ContentSyncPosition) restored.position();
        assertThat(position.cookies().get("User")).isEqualTo(cookie);
    }

    @Test
    void timestampsSurviveTheStringForm() {
        Instant since = Instant.parse("2026-11-26T05:39:04Z");
        Watermark watermark = Watermark.of(new Watermark.TimestampPosition("modifyTimestamp", since));
        assertThat(watermark.value())
                .isEqualTo("{\"v\":1,\"mode\":\"timestamp\",\"attribute\":\"modifyTimestamp\",\"since\":\"2026-11-26T05:39:04Z\"}");
        assertThat(new Watermark(watermark.value()).position())
                .isEqualTo(new Watermark.TimestampPosition("modifyTimestamp", since));
    }

    @Test
    void activeDirectoryPositionsSurviveTheStringForm() {
        byte[] cookie = {'M', 'S', 'D', 'S', 3, 0, 0, 0, (byte) 0x98, 0x0f};
        Watermark dirSync = Watermark.of(new Watermark.DirSyncPosition(cookie));
        assertThat(((Watermark.DirSyncPosition) new Watermark(dirSync.value()).position()).cookie()).isEqualTo(cookie);
        Watermark.UsnPosition position = new Watermark.UsnPosition(3992, "CN=NTDS Settings,CN=DC1");
        Watermark usn = Watermark.of(position);
        assertThat(usn.value())
                .isEqualTo("{\"v\":1,\"mode\":\"usn\",\"usn\":3992,\"server\":\"CN=NTDS Settings,CN=DC1\"}");
        assertThat(new Watermark(usn.value()).position()).isEqualTo(position);
    }

    @Test
    void corruptWatermarksAreUnusable() {
        for (String corrupt : new String[] {"", "garbage", "[]", "{\"v\":2,\"mode\":\"timestamp\"}",
                "{\"v\":1,\"mode\":\"dirsync\"}", "{\"v\":1,\"mode\":\"timestamp\",\"attribute\":\"modifyTimestamp\","
                + "\"since\":\"yesterday\"}", "{\"v\":1,\"mode\":\"contentSync\",\"cookies\":{\"User\":\"%%%\"}}",
                "{\"v\":1,\"mode\":\"dirSync\",\"cookie\":\"%%%\"}", "{\"v\":1,\"mode\":\"usn\",\"server\":\"x\"}",
                "{\"v\":1,\"mode\":\"usn\",\"usn\":\"ten\",\"server\":\"x\"}"}) {
            assertThatThrownBy(() -> new Watermark(corrupt).position())
                    .as(corrupt)
                    .isInstanceOf(WatermarkUnusableException.class)
                    .hasMessageContaining("run a full read");
        }
    }
}
