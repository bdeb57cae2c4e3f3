package dev.poolkeeper.application.port.in.messaging;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.Objects;
import java.util.Optional;

/**
 * One message to send. {@code idempotencyKey} is the client's {@code Idempotency-Key}: it is bound to the
 * message when it is stored, so any later request with the key finds that message and sends nothing.
 */
public record SendMessageCommand(Caller caller, PoolId poolId, PhoneNumber to, String text,
                                 Optional<String> idempotencyKey, SendOptions options) {
    public SendMessageCommand(Caller caller, PoolId poolId, PhoneNumber to, String text,
                              Optional<String> idempotencyKey) {
        this(caller, poolId, to, text, idempotencyKey, SendOptions.none());
    }

    public SendMessageCommand {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    }
}
