package dev.poolkeeper.domain.optout;

import java.util.Locale;
import java.util.Set;

/**
 * The carrier keywords of an inbound message: opt-out, opt-in and help. The whole message is the keyword,
 * compared without case, spaces or trailing punctuation ({@code " Stop! "} is STOP; {@code "please stop"} is
 * not, as carriers match it).
 */
public enum Keyword {
    STOP, START, HELP, NONE;

    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "YES");
    private static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    public static Keyword of(String text) {
        String word = word(text);
        if (STOP_WORDS.contains(word)) {
            return STOP;
        }
        if (START_WORDS.contains(word)) {
            return START;
        }
        return HELP_WORDS.contains(word) ? HELP : NONE;
    }

    /** The message as one keyword: upper case, without spaces or trailing punctuation; empty for no text. */
    public static String word(String text) {
        return text == null ? "" : text.replaceAll("\\s+", "").replaceAll("[.!?]+$", "").toUpperCase(Locale.ROOT);
    }

    /** Whether the keyword changes the sender's opt-out state. */
    public boolean changesOptOut() {
        return this == STOP || this == START;
    }
}
