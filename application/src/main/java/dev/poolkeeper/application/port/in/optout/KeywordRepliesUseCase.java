package dev.poolkeeper.application.port.in.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.domain.optout.KeywordReplies;
import dev.poolkeeper.domain.pool.PoolId;
import java.util.List;

/**
 * A pool's automatic answers to inbound keywords: HELP, confirmations of STOP and START, and the pool's own
 * words. {@code pool.not_found} for a pool the caller's account does not have.
 */
public interface KeywordRepliesUseCase {
    KeywordReplies getKeywordReplies(Caller caller, PoolId poolId);

    /** Replaces every reply of the pool (an empty list removes them all). */
    KeywordReplies putKeywordReplies(Caller caller, PoolId poolId, List<KeywordReplies.Reply> replies);
}
