package org.opensync.mapping.scoping;

/**
 * Compatibility switches of scoping evaluation.
 *
 * @param regexSubstringMatch {@code REGEX MATCH} as a substring test (.NET {@code Regex.IsMatch}) instead of the
 *                            default whole-value match
 */
public record ScopingOptions(boolean regexSubstringMatch) {
    public static final ScopingOptions DEFAULT = new ScopingOptions(false);
}
