package org.opensync.connectors.ldap;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ObjectGuidTest {

    /** The first three GUID fields are stored little-endian, the last eight bytes as they are. */
    @Test
    void convertsTheWindowsByteOrderToTheStandardString() {
        byte[] stored = HexFormat.of().parseHex("0403020106050807090a0b0c0d0e0f10");
        assertThat(ObjectGuid.toUuidString(stored)).isEqualTo("01020304-0506-0708-090a-0b0c0d0e0f10");
    }

    @Test
    void keepsHighBitsUnsigned() {
        byte[] stored = HexFormat.of().parseHex("ffeeddccbbaa9988f0e0d0c0b0a09080");
        assertThat(ObjectGuid.toUuidString(stored)).isEqualTo("ccddeeff-aabb-8899-f0e0-d0c0b0a09080");
    }

    @Test
    void turnsTheStandardStringBackIntoTheStoredBytes() {
        byte[] stored = HexFormat.of().parseHex("ffeeddccbbaa9988f0e0d0c0b0a09080");
        assertThat(ObjectGuid.toBytes(java.util.UUID.fromString(ObjectGuid.toUuidString(stored)))).isEqualTo(stored);
    }

    @Test
    void rejectsOtherLengths() {
        assertThatThrownBy(() -> ObjectGuid.toUuidString(new byte[15])).isInstanceOf(IllegalArgumentException.class);
    }
}
