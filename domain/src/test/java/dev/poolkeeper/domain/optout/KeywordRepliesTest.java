package dev.poolkeeper.domain.optout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.poolkeeper.domain.shared.DomainException;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeywordRepliesTest {
    private static KeywordReplies.Reply reply(String keyword, String text) {
        return new KeywordReplies.Reply(keyword, text, Optional.empty());
    }

    private final KeywordReplies replies = KeywordReplies.of(List.of(reply("help", "Acme: help at acme.example"),
            new KeywordReplies.Reply("AYUDA", "Acme: ayuda en acme.example", Optional.of("es")),
            reply("STOP", "Acme: you will get no more messages"), reply("hours", "Open 9-5")));

    private String answer(String text) {
        return replies.replyTo(text).map(KeywordReplies.Reply::text).orElse(null);
    }

    @Test
    void aMessageIsAnsweredByItsOwnWordFirstThenByItsCarrierKeyword() {
        assertEquals("Acme: help at acme.example", answer(" Help! "));
        assertEquals("Acme: help at acme.example", answer("info"), "INFO is a help word");
        assertEquals("Acme: ayuda en acme.example", answer("ayuda"));
        assertEquals("Acme: you will get no more messages", answer("unsubscribe"), "any opt-out word");
        assertEquals("Open 9-5", answer("HOURS"));
    }

    @Test
    void wordsWithoutAnEntryAndSentencesAreNotAnswered() {
        assertEquals(null, answer("START"), "no START entry");
        assertEquals(null, answer("what are your hours"));
        assertEquals(null, answer(""));
        assertEquals(Optional.empty(), KeywordReplies.NONE.replyTo("HELP"));
    }

    @Test
    void onlyAOneWordMessageMayBeAnswered() {
        assertEquals(true, KeywordReplies.mayAnswer(" Help! "));
        assertEquals(false, KeywordReplies.mayAnswer("Thanks, see you then"));
        assertEquals(false, KeywordReplies.mayAnswer(""));
        assertEquals(false, KeywordReplies.mayAnswer("x".repeat(21)));
    }

    @Test
    void keywordsAreStoredInUpperCase() {
        assertEquals(List.of("HELP", "AYUDA", "STOP", "HOURS"),
                replies.replies().stream().map(KeywordReplies.Reply::keyword).toList());
    }

    private static String refusedField(List<KeywordReplies.Reply> asked) {
        return assertThrows(DomainException.class, () -> KeywordReplies.of(asked)).violations().get(0).field();
    }

    @Test
    void badEntriesAreRefusedNamingTheEntry() {
        assertEquals("keywords[1].keyword", refusedField(List.of(reply("HELP", "a"), reply("help", "b"))));
        assertEquals("keywords[0].keyword", refusedField(List.of(reply("OPEN NOW", "a"))));
        assertEquals("keywords[0].keyword", refusedField(List.of(reply("", "a"))));
        assertEquals("keywords[0].keyword", refusedField(List.of(reply("ÜBER", "a"))));
        assertEquals("keywords[0].reply", refusedField(List.of(reply("HELP", " "))));
        assertEquals("keywords[0].reply", refusedField(List.of(reply("HELP", "x".repeat(1601)))));
        assertEquals("keywords[0].language", refusedField(List.of(
                new KeywordReplies.Reply("HELP", "a", Optional.of("Spanish")))));
        assertEquals("keywords", refusedField(IntStream.range(0, 51).mapToObj(i -> reply("K" + i, "a")).toList()));
    }
}
