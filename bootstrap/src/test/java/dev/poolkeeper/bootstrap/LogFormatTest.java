package dev.poolkeeper.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogFormatTest {
    @Test
    void anyCaseOfJsonIsTheJsonAppenderAndAnythingElseIsTextNeverSilence() {
        assertEquals("JSON", Poolkeeper.logAppender("json"));
        assertEquals("JSON", Poolkeeper.logAppender(" JSON "));
        assertEquals("JSON", Poolkeeper.logAppender("Json"));
        assertEquals("TEXT", Poolkeeper.logAppender("text"));
        assertEquals("TEXT", Poolkeeper.logAppender("logfmt"));
        assertEquals("TEXT", Poolkeeper.logAppender(""));
    }
}
