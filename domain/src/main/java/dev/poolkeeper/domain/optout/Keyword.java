package dev.poolkeeper.domain.optout;

import java.util.Locale;
import java.util.Set;

/**
 * The opt-out and opt-in keywords of an inbound message. The whole message is the keyword, compared
 * without case, spaces or trailing punctuation ({@code " Stop! "} is STOP; {@code "please stop"} is not,
 * as carriers match it).
 */
public enum Keyword {
    STOP, START, NONE;

    private static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT");
    private static final Set<String> START_WORDS = Set.of("START", "UNSTOP", "YES");

    public static Keyword of(String text) {
        if (text == null) {
            return NONE;
        }
        String word = text.replaceAll("\\s+", "").replaceAll("[.!?]+$", "").toUpperCase(Locale.ROOT);
        if (STOP_WORDS.contains(word)) {
            return STOP;
        }
        return START_WORDS.contains(word) ? START : NONE;
    }
}
