package org.opensync.mapping.expression;

import java.util.HashMap;
import java.util.Map;

/**
 * The NormalizeDiacritics table of FREF: exactly these letters are replaced, all other
 * characters are kept. Entries written with a combining mark after a macron letter ({@code ā́ ā̀ ā̂ ā̃}, {@code œ̄}) are
 * matched as the letter followed by that mark.
 */
final class Diacritics {
    private static final Map<Character, String> REPLACEMENTS = new HashMap<>();
    /** Letters whose table entries also list variants followed by one of these combining marks. */
    private static final String MACRON_LETTERS = "āĀēĒīĪōŌūŪȳȲœŒ";
    private static final String COMBINING_MARKS = "\u0300\u0301\u0302\u0303\u0304";

    static {
        table("äàâãåáąăā", "a");
        table("ÄÀÂÃÅÁĄĂĀ", "A");
        table("æǣ", "ae");
        table("ÆǢ", "AE");
        table("çčć", "c");
        table("ÇČĆ", "C");
        table("ď", "d");
        table("Ď", "D");
        table("ëèéêęěėēḗḕ", "e");
        table("ËÈÉÊĘĚĖĒḖḔ", "E");
        table("ğ", "g");
        table("Ğ", "G");
        table("ïîìíıī", "i");
        table("ÏÎÌÍİĪ", "I");
        table("ľł", "l");
        table("ĽŁ", "L");
        table("ńňñ", "n");
        table("ŃŇÑ", "N");
        table("öòőõôóōṓṑ", "o");
        table("ÖÒŐÕÔÓŌṒṐ", "O");
        table("øœ", "oe");
        table("ØŒ", "OE");
        table("ř", "r");
        table("Ř", "R");
        table("ß", "ss");
        table("šśșş", "s");
        table("ŠŚȘŞ", "S");
        table("ťț", "t");
        table("ŤȚ", "T");
        table("üùûúůűū", "u");
        table("ÜÙÛÚŮŰŪ", "U");
        table("ÿýȳ", "y");
        table("ŸÝȲ", "Y");
        table("źžż", "z");
        table("ŹŽŻ", "Z");
    }

    private Diacritics() {
    }

    private static void table(String letters, String replacement) {
        letters.chars().forEach(c -> REPLACEMENTS.put((char) c, replacement));
    }

    static String normalize(String source) {
        StringBuilder result = null;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            String replacement = REPLACEMENTS.get(c);
            if (replacement == null) {
                if (result != null) {
                    result.append(c);
                }
                continue;
            }
            if (result == null) {
                result = new StringBuilder(source.length()).append(source, 0, i);
            }
            result.append(replacement);
            if (MACRON_LETTERS.indexOf(c) >= 0 && i + 1 < source.length()
                    && COMBINING_MARKS.indexOf(source.charAt(i + 1)) >= 0) {
                i++;
            }
        }
        return result == null ? source : result.toString();
    }
}
