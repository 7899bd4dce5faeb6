package org.opensync.common.secrets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Source attribute values that are secrets on {@code sync.object-changes}: those a {@code Redact} mapping reads (a
 * password kept in the directory). change-detector seals each such value with the transport key, bound to the job,
 * and marks it; the provisioner opens marked values only to evaluate the mappings, so neither the topic nor what the
 * provisioner stores (escrowed images) holds them readable. Unmarked values pass through unchanged, so images sealed
 * before a mapping changed and images read on demand both evaluate.
 */
public final class SealedValues {
    /** Marks a sealed value; what follows is {@link SecretBox} sealed text. */
    static final String MARK = "sealed:";

    private SealedValues() {
    }

    /** The image with every value of the named attributes (matched ignoring case, as LDAP names are) sealed. */
    public static Map<String, List<String>> seal(SecretBox box, String jobId, Map<String, List<String>> image,
                                                 Set<String> secretAttributes) {
        if (secretAttributes.isEmpty()) {
            return image;
        }
        Set<String> secret = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        secret.addAll(secretAttributes);
        Map<String, List<String>> sealed = new LinkedHashMap<>();
        image.forEach((name, values) -> sealed.put(name, !secret.contains(name) ? values
                : values.stream().map(value -> MARK + box.seal(value, jobId)).toList()));
        return sealed;
    }

    /**
     * The image with every marked value opened.
     *
     * @throws SecretUnavailableException when a marked value does not open (a retired key, another job's value)
     */
    public static Map<String, List<String>> open(SecretBox box, String jobId, Map<String, List<String>> image) {
        if (!anySealed(image)) {
            return image;
        }
        Map<String, List<String>> opened = new LinkedHashMap<>();
        image.forEach((name, values) -> opened.put(name, values.stream()
                .map(value -> isSealed(value) ? box.open(value.substring(MARK.length()), jobId) : value).toList()));
        return opened;
    }

    /** A plain scan: it runs twice for every object a cycle provisions, and most images hold no sealed value. */
    private static boolean anySealed(Map<String, List<String>> image) {
        for (List<String> values : image.values()) {
            for (String value : values) {
                if (isSealed(value)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isSealed(String value) {
        return value != null && value.startsWith(MARK);
    }
}
