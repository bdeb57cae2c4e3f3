package dev.poolkeeper.application.service.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.optout.KeywordRepliesUseCase;
import dev.poolkeeper.application.port.out.pool.KeywordReplyRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.domain.optout.KeywordReplies;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.util.List;

public final class KeywordRepliesService implements KeywordRepliesUseCase {
    private final KeywordReplyRepository replies;
    private final PoolRepository pools;
    private final Clock clock;

    public KeywordRepliesService(KeywordReplyRepository replies, PoolRepository pools, Clock clock) {
        this.replies = replies;
        this.pools = pools;
        this.clock = clock;
    }

    @Override
    public KeywordReplies getKeywordReplies(Caller caller, PoolId poolId) {
        pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        return replies.find(caller.accountId(), poolId);
    }

    @Override
    public KeywordReplies putKeywordReplies(Caller caller, PoolId poolId, List<KeywordReplies.Reply> asked) {
        KeywordReplies checked = KeywordReplies.of(asked);
        pools.find(caller.accountId(), poolId).orElseThrow(() -> NumberPool.notFound(poolId));
        replies.replace(caller.accountId(), poolId, checked, Times.now(clock));
        return checked;
    }
}
