package dev.poolkeeper.application.port.out.pool;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.optout.KeywordReplies;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Instant;

/** A pool's automatic keyword replies, kept whole: a put replaces every entry. */
public interface KeywordReplyRepository {
    /** The pool's replies; {@link KeywordReplies#NONE} when it has none. */
    KeywordReplies find(AccountId accountId, PoolId poolId);

    void replace(AccountId accountId, PoolId poolId, KeywordReplies replies, Instant now);
}
