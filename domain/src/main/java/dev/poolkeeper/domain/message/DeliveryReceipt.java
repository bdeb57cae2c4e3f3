package dev.poolkeeper.domain.message;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.provider.Provider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A verified delivery receipt, in Poolkeeper's terms: which provider message, what happened, and (when
 * the provider says) the sender and recipient, used to find a message whose send answer was lost.
 */
public record DeliveryReceipt(Provider provider, String providerMessageId, DeliveryOutcome outcome,
                              String providerStatus, Optional<String> errorCode, Optional<String> from,
                              Optional<String> to, Instant at, Optional<AccountId> account) {
    public DeliveryReceipt {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(providerMessageId, "providerMessageId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(providerStatus, "providerStatus");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(account, "account");
    }

    /** A receipt verified with the instance's own provider secrets: it may concern any account's message. */
    public DeliveryReceipt(Provider provider, String providerMessageId, DeliveryOutcome outcome, String providerStatus,
                           Optional<String> errorCode, Optional<String> from, Optional<String> to, Instant at) {
        this(provider, providerMessageId, outcome, providerStatus, errorCode, from, to, at, Optional.empty());
    }

    /**
     * The receipt as verified with one account's own connection: it may only concern that account's messages
     * (an account knows its own webhook secret, so it could sign anything).
     */
    public DeliveryReceipt scopedTo(AccountId accountId) {
        return new DeliveryReceipt(provider, providerMessageId, outcome, providerStatus, errorCode, from, to, at,
                Optional.of(accountId));
    }
}
