package org.opensync.connectors.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.opensync.connectors.ldap.SourceEntry;

/**
 * The image of a source object as the provisioner receives it: the attributes read plus the computed ones
 * ({@code objectId} = anchor, {@code dn}, {@code IsSoftDeleted}), and a hash of it that tells whether the object
 * changed since it was last published.
 */
public final class SourceImages {
    /** ADS_UF_ACCOUNTDISABLE in Active Directory's userAccountControl. */
    private static final long ACCOUNT_DISABLED = 0x2;

    private SourceImages() {
    }

    public static Map<String, List<String>> image(SourceEntry entry) {
        Map<String, List<String>> image = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        entry.attributes().forEach((name, values) -> {
            if (!SourcePlan.ACCOUNT_STATE.contains(name)) {
                image.put(name, values);
            }
        });
        image.put("objectId", List.of(entry.anchor()));
        image.put("dn", List.of(entry.dn()));
        image.put("IsSoftDeleted", List.of(disabled(entry) ? "True" : "False"));
        return image;
    }

    public static String hash(String type, Map<String, List<String>> image) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(type.getBytes(StandardCharsets.UTF_8));
            image.forEach((name, values) -> {
                digest.update((byte) 0);
                digest.update(name.toLowerCase().getBytes(StandardCharsets.UTF_8));
                for (String value : values) {
                    digest.update((byte) 1);
                    digest.update(value.getBytes(StandardCharsets.UTF_8));
                }
            });
            return Base64.getEncoder().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean disabled(SourceEntry entry) {
        String control = entry.value("userAccountControl");
        if (control != null) {
            try {
                return (Long.parseLong(control.trim()) & ACCOUNT_DISABLED) != 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return entry.value("pwdAccountLockedTime") != null;
    }
}
