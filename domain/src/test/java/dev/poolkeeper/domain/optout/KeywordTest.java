package dev.poolkeeper.domain.optout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordTest {
    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop ", "S T O P", "stopall", "Unsubscribe", "cancel", "END", "quit",
        "Stop!"})
    void stopWordsOptOut(String text) {
        assertEquals(Keyword.STOP, Keyword.of(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"START", "start", " unstop ", "Yes", "YES."})
    void startWordsOptBackIn(String text) {
        assertEquals(Keyword.START, Keyword.of(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HELP", "help", " Help? ", "info"})
    void helpWordsAskForHelp(String text) {
        assertEquals(Keyword.HELP, Keyword.of(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"please stop texting me", "stopp", "", "hello", "yes please", "help me"})
    void otherTextsAreNoKeyword(String text) {
        assertEquals(Keyword.NONE, Keyword.of(text));
    }
}
