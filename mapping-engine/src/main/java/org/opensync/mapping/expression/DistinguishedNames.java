package org.opensync.mapping.expression;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Minimal RFC 4514 reading: the attribute values of a DN's RDNs, left to right, with escapes resolved. */
final class DistinguishedNames {
    private DistinguishedNames() {
    }

    static List<String> rdnValues(String dn) {
        List<String> values = new ArrayList<>();
        int i = 0;
        while (i < dn.length()) {
            int equals = dn.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            ByteArrayOutputStream value = new ByteArrayOutputStream();
            int j = equals + 1;
            boolean quoted = j < dn.length() && dn.charAt(j) == '"';
            j += quoted ? 1 : 0;
            while (j < dn.length()) {
                char c = dn.charAt(j);
                if (c == '\\' && j + 1 < dn.length()) {
                    j = escape(dn, j + 1, value);
                } else if (quoted ? c == '"' : c == ',' || c == ';' || c == '+') {
                    break;
                } else {
                    j = copyCodePoint(dn, j, value);
                }
            }
            values.add(value.toString(StandardCharsets.UTF_8).strip());
            int next = dn.indexOf(',', j);
            if (next < 0) {
                break;
            }
            i = next + 1;
        }
        return values;
    }

    /** {@code \,} and friends, or a hex pair {@code \C3\A9} (UTF-8 bytes); returns the index after the escape. */
    private static int escape(String dn, int at, ByteArrayOutputStream value) {
        if (at + 1 < dn.length() && Character.digit(dn.charAt(at), 16) >= 0 && Character.digit(dn.charAt(at + 1), 16) >= 0) {
            value.write(Integer.parseInt(dn.substring(at, at + 2), 16));
            return at + 2;
        }
        return copyCodePoint(dn, at, value);
    }

    private static int copyCodePoint(String dn, int at, ByteArrayOutputStream value) {
        int codePoint = dn.codePointAt(at);
        byte[] bytes = Character.toString(codePoint).getBytes(StandardCharsets.UTF_8);
        value.write(bytes, 0, bytes.length);
        return at + Character.charCount(codePoint);
    }
}
