package dev.poolkeeper.domain.optout;

import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.shared.DomainException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A pool's automatic answers to inbound keywords, each sent back from the number the keyword came in on.
 * A reply is found for the message's exact word first ({@code AYUDA}), then for its carrier keyword: any
 * opt-out word answers with the {@code STOP} reply, any opt-in word with {@code START}, {@code INFO} with
 * {@code HELP}. A pool with no entry for a word answers nothing.
 */
public record KeywordReplies(List<Reply> replies) {
    public static final int MAX_REPLIES = 50;
    private static final Pattern KEYWORD = Pattern.compile("[A-Z0-9]{1,20}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Z]{2})?");

    /**
     * One answer: the keyword (upper case, letters and digits), the reply's text, and the language it is
     * written in (a BCP 47 tag such as {@code es} or {@code en-US}), shown with the reply.
     */
    public record Reply(String keyword, String text, Optional<String> language) {
        public Reply {
            Objects.requireNonNull(keyword, "keyword");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(language, "language");
        }
    }

    public static final KeywordReplies NONE = new KeywordReplies(List.of());

    public KeywordReplies {
        replies = List.copyOf(replies);
    }

    /**
     * Checks what a client gave, naming the entry at fault: at most {@link #MAX_REPLIES}, each keyword once,
     * one word of 1 to 20 letters or digits (compared without case), a reply within a message's length, a
     * language tag when given.
     */
    public static KeywordReplies of(List<Reply> asked) {
        if (asked.size() > MAX_REPLIES) {
            throw DomainException.invalidField("keywords", "at most " + MAX_REPLIES + " keywords");
        }
        Set<String> seen = new HashSet<>();
        List<Reply> checked = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Reply r = asked.get(i);
            String field = "keywords[" + i + "]";
            String word = Keyword.word(r.keyword());
            if (!KEYWORD.matcher(word).matches() || !r.keyword().strip().equalsIgnoreCase(word)) {
                throw DomainException.invalidField(field + ".keyword", "one word of 1 to 20 letters or digits");
            }
            if (!seen.add(word)) {
                throw DomainException.invalidField(field + ".keyword", word + " is given twice");
            }
            if (r.text() == null || r.text().isBlank() || r.text().length() > Message.MAX_TEXT_LENGTH) {
                throw DomainException.invalidField(field + ".reply", "1 to " + Message.MAX_TEXT_LENGTH
                        + " characters");
            }
            if (r.language().isPresent() && !LANGUAGE.matcher(r.language().get()).matches()) {
                throw DomainException.invalidField(field + ".language", "a language tag such as en, es or pt-BR");
            }
            checked.add(new Reply(word, r.text(), r.language()));
        }
        return new KeywordReplies(checked);
    }

    /**
     * Whether a message could be answered by any pool: its whole text, spaces taken out as carriers do, one word
     * of 1 to 20 letters or digits. Most free-text replies are not, and need no look at a pool's entries.
     */
    public static boolean mayAnswer(String text) {
        return KEYWORD.matcher(Keyword.word(text)).matches();
    }

    /** The reply to an inbound message's text, if the pool has one. */
    public Optional<Reply> replyTo(String text) {
        if (!mayAnswer(text)) {
            return Optional.empty();
        }
        String word = Keyword.word(text);
        Optional<Reply> exact = find(word);
        if (exact.isPresent()) {
            return exact;
        }
        Keyword keyword = Keyword.of(word);
        return keyword == Keyword.NONE ? Optional.empty() : find(keyword.name());
    }

    private Optional<Reply> find(String word) {
        return replies.stream().filter(r -> r.keyword().equals(word)).findFirst();
    }
}
