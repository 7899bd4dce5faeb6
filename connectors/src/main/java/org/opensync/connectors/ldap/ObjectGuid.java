package org.opensync.connectors.ldap;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.UUID;

/**
  * Active Directory stores objectGUID as 16 bytes whose first three fields are little-endian (a Windows GUID
  * struct), so reading them as a big-endian UUID gives a string that no other tool shows. This gives the standard
  * form, the one PowerShell and the Entra portal print.
  */
public final class ObjectGuid {

    private ObjectGuid() {
    }

    public static String toUuidString(byte[] guid) {
        if (guid.length != 16) {
            throw new IllegalArgumentException("objectGUID must be 16 bytes, got " + guid.length);
        }
        ByteBuffer little = ByteBuffer.wrap(guid).order(ByteOrder.LITTLE_ENDIAN);
        int data1 = little.getInt(0);
        short data2 = little.getShort(4);
        short data3 = little.getShort(6);
        long data4 = ByteBuffer.wrap(guid, 8, 8).order(ByteOrder.BIG_ENDIAN).getLong();
        long high = ((data1 & 0xFFFFFFFFL) << 32) | ((data2 & 0xFFFFL) << 16) | (data3 & 0xFFFFL);
        return new UUID(high, data4).toString();
    }

    /** The 16 bytes Active Directory stores for the standard form {@code uuid}: the inverse of {@link #toUuidString}. */
    public static byte[] toBytes(UUID uuid) {
        long high = uuid.getMostSignificantBits();
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.order(ByteOrder.LITTLE_ENDIAN).putInt(0, (int) (high >>> 32)).putShort(4, (short) (high >>> 16))
                .putShort(6, (short) high);
        bytes.order(ByteOrder.BIG_ENDIAN).putLong(8, uuid.getLeastSignificantBits());
        return bytes.array();
    }
}
