package dev.poolkeeper.application.port.in.webhook;

import dev.poolkeeper.domain.message.InboundMessage;
import dev.poolkeeper.domain.optout.Keyword;

/**
 * STOP-type keywords put the sender on the opt-out list of every pool (of any account) that holds the
 * receiving number; START-type keywords take it off. Pools with self-managed opt-outs are left alone.
 */
public interface HandleInboundMessageUseCase {
    record Result(Keyword keyword, int poolsChanged) {
    }

    Result handleInboundMessage(InboundMessage message);
}
