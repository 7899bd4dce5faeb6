package org.opensync.connectors.scim;

import java.util.Locale;

/**
  * A target's answer as it may be copied into error messages and provisioning logs: at most
  * {@link #MAX_CHARACTERS} characters of text, without control or formatting characters (which could forge log lines
  * or hide text), and a placeholder instead of anything that is not text (images, archives, binary bodies), so that a
  * log reader sees what the application said without the platform serving arbitrary content from it.
  */
final class ResponseText {

    static final int MAX_CHARACTERS = 1_000;

    private ResponseText() {
    }

    /**
      * @param contentType the response's Content-Type, null when it sent none (then the body itself decides)
      * @return null or empty as given; else the body cleaned and cut, or a placeholder
      */
    static String forLog(String body, String contentType) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        String mediaType = contentType == null ? null
                : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (mediaType != null && !mediaType.isEmpty() && !textual(mediaType)) {
            return "[" + body.length() + " characters of " + clean(mediaType, 100) + " omitted: not text]";
        }
        if (binary(body)) {
            return "[" + body.length() + " characters omitted: not text]";
        }
        return clean(body, MAX_CHARACTERS);
    }

    /** A short value the target chose (a SCIM detail or scimType), cleaned and cut like a body. */
    static String value(String text) {
        return text == null ? null : clean(text, MAX_CHARACTERS);
    }

    private static boolean textual(String mediaType) {
        return mediaType.startsWith("text/") || mediaType.equals("application/json")
                || mediaType.endsWith("+json") || mediaType.equals("application/xml") || mediaType.endsWith("+xml");
    }

    /** NUL bytes, or undecodable bytes (U+FFFD after UTF-8 decoding) in more than one character in ten. */
    private static boolean binary(String body) {
        long undecodable = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\u0000') {
                return true;
            }
            if (c == '\uFFFD') {
                undecodable++;
            }
        }
        return undecodable * 10 > body.length();
    }

    /** Control characters (line breaks too) become spaces, formatting characters (e.g. bidi overrides) go. */
    private static String clean(String text, int max) {
        StringBuilder cleaned = new StringBuilder(Math.min(text.length(), max + 1));
        int i = 0;
        for (; i < text.length() && cleaned.length() < max; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                cleaned.append(' ');
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (cleaned.length() + 2 > max) {
                    break;
                }
                cleaned.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                cleaned.append('?');
            } else if (Character.getType(c) != Character.FORMAT) {
                cleaned.append(c);
            }
        }
        return i < text.length() ? cleaned + "…" : cleaned.toString();
    }
}
