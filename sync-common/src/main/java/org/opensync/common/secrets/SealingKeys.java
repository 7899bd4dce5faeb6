package org.opensync.common.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds a {@link SecretBox} from configured keys, refusing a missing or malformed key with a message that names
 * the property, its environment variable and how to create a key, and never contains key material.
 */
final class SealingKeys {
    private static final String CREATE = "create a key with 'openssl rand -base64 32'";

    private SealingKeys() {
    }

    static SecretBox box(String activeProperty, Optional<String> active, String previousProperty,
                         Optional<List<String>> previous, String whereItGoes) {
        String activeKey = active.filter(key -> !key.isBlank()).orElseThrow(() -> new IllegalStateException(
                describe(activeProperty) + " is not set: " + CREATE + " and " + whereItGoes));
        check(describe(activeProperty), activeKey);
        List<String> previousKeys = previous.orElse(List.of());
        for (int i = 0; i < previousKeys.size(); i++) {
            check(describe(previousProperty) + " entry " + (i + 1), previousKeys.get(i));
        }
        return new SecretBox(activeKey, previousKeys);
    }

    private static void check(String what, String key) {
        try {
            SecretBox.decodeKey(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not a sealing key, " + e.getMessage() + ": it must be base64 "
                    + "of 32 random bytes; " + CREATE);
        }
    }

    /** The property and the environment variable that sets it, e.g. {@code a.b-c (A_B_C)}. */
    private static String describe(String property) {
        return property + " (" + property.replaceAll("[.-]", "_").toUpperCase(Locale.ROOT) + ")";
    }
}
