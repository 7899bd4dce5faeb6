package org.opensync.provisioner.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opensync.mapping.apply.AttributeChange;
import org.opensync.mapping.apply.AttributeFailure;

/**
 * What of one object's export is secret: the target attributes whose mapping calls {@code Redact} (a generated
 * password, say). Their values go to the target and nowhere else: provisioning logs show {@link #REDACTED}, and the
 * connector data store keeps a salted hash, which is enough to tell whether the value changed. Values the mapping
 * computed for them are also blanked out of free text (a target that echoes a refused value in its answer).
 */
final class Redaction {
    static final String REDACTED = "[Redacted]";
    static final Redaction NONE = new Redaction(Set.of(), "");
    private static final String HASH_PREFIX = "sha256:";
    /** The prefix and 32 bytes in unpadded base64. */
    private static final int HASH_LENGTH = HASH_PREFIX.length() + 43;
    /** Shorter values are not blanked out of free text: that would garble it while hiding next to nothing. */
    private static final int SCRUBBED_MIN_LENGTH = 6;

    private final Set<String> attributes;
    private final String salt;
    private final List<String> values = new ArrayList<>(0);

    /** @param salt makes equal secrets of different objects hash differently (job id and anchor) */
    Redaction(Set<String> attributes, String salt) {
        this.attributes = attributes;
        this.salt = salt;
    }

    boolean covers(String attribute) {
        return attributes.contains(attribute);
    }

    /** How a value of this attribute may be shown. */
    String shown(String attribute, Object value) {
        if (value == null) {
            return null;
        }
        return covers(attribute) ? REDACTED : value.toString();
    }

    /** Why an attribute could not be computed; withheld for a secret, since it may quote the value. */
    String message(AttributeFailure failure) {
        return covers(failure.targetAttributeName())
                ? failure.code() + " (the details are withheld: the mapping uses Redact)" : failure.message();
    }

    /** Remembers the secret values among the mapping's changes, to blank them out of free text. */
    void remember(List<AttributeChange> changes) {
        for (AttributeChange change : changes) {
            if (covers(change.targetAttributeName()) && change.value() != null) {
                change.value().strings().stream().filter(value -> value.length() >= SCRUBBED_MIN_LENGTH)
                        .forEach(values::add);
            }
        }
    }

    /** {@code text} with every remembered secret value replaced by {@link #REDACTED}. */
    String scrub(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String scrubbed = text;
        for (String value : values) {
            scrubbed = scrubbed.replace(value, REDACTED);
        }
        return scrubbed;
    }

    /** The image as the connector data store keeps it: secret values hashed. */
    Map<String, Object> stored(Map<String, Object> image) {
        if (attributes.isEmpty()) {
            return image;
        }
        Map<String, Object> stored = new LinkedHashMap<>(image);
        stored.replaceAll((name, value) -> covers(name) && value != null && !isHash(value) ? hash(name, value) : value);
        return stored;
    }

    /**
     * A target that does not show a secret (as targets do not show passwords) still has the one last exported: its
     * stored hash stands in for it, so that an unchanged secret is not sent again and add-only flows see it is set.
     */
    void carryOver(Map<String, Object> lastExported, Map<String, Object> current) {
        for (String name : attributes) {
            if (lastExported.get(name) != null) {
                current.putIfAbsent(name, lastExported.get(name));
            }
        }
    }

    /** A secret whose new value hashes to the stored hash is unchanged: {@code desired} keeps the hash. */
    void keepUnchanged(Map<String, Object> current, Map<String, Object> desired) {
        for (String name : attributes) {
            Object stored = current.get(name);
            Object wanted = desired.get(name);
            if (isHash(stored) && wanted != null && stored.equals(hash(name, wanted))) {
                desired.put(name, stored);
            }
        }
    }

    private static boolean isHash(Object value) {
        return value instanceof String text && text.length() == HASH_LENGTH && text.startsWith(HASH_PREFIX);
    }

    private String hash(String attribute, Object value) {
        if (isHash(value)) {
            return (String) value;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((salt + "/" + attribute + "/").getBytes(StandardCharsets.UTF_8));
            digest.update(value.toString().getBytes(StandardCharsets.UTF_8));
            return HASH_PREFIX + Base64.getEncoder().withoutPadding().encodeToString(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
