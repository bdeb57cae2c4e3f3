package dev.poolkeeper.adapters.rest.support;

/**
 * What text a client may send in a field: well-formed UTF-16 (no unpaired surrogate, which cannot be
 * stored or shown) and no control characters, except line breaks and tabs in free text.
 */
public final class TextRules {
    private TextRules() {
    }

    /** Why {@code s} is refused, or {@code null} when it is acceptable. */
    public static String problem(String s, boolean multiLine) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "contains an unpaired surrogate (invalid Unicode) at position " + i;
            }
            if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate (invalid Unicode) at position " + i;
            }
            if (Character.isISOControl(c) && !(multiLine && (c == '\n' || c == '\r' || c == '\t'))) {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ") at position " + i;
            }
        }
        return null;
    }
}
