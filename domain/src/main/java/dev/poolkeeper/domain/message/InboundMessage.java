package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import java.util.Objects;
import java.util.Optional;

/** A verified inbound SMS: {@code from} (the person) texted {@code to} (a pooled number). */
public record InboundMessage(Provider provider, PhoneNumber from, PhoneNumber to, String text,
                             Optional<String> providerMessageId, Optional<AccountId> account) {
    public InboundMessage {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(account, "account");
    }

    /** An inbound message verified with the instance's own provider secrets: any account's pool may hold {@code to}. */
    public InboundMessage(Provider provider, PhoneNumber from, PhoneNumber to, String text,
                          Optional<String> providerMessageId) {
        this(provider, from, to, text, providerMessageId, Optional.empty());
    }

    /** The message as verified with one account's own connection: it concerns only that account's pools. */
    public InboundMessage scopedTo(AccountId accountId) {
        return new InboundMessage(provider, from, to, text, providerMessageId, Optional.of(accountId));
    }
}
