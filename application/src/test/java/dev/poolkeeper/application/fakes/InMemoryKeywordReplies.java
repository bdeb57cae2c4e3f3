package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.port.out.pool.KeywordReplyRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.optout.KeywordReplies;
import dev.poolkeeper.domain.pool.PoolId;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryKeywordReplies implements KeywordReplyRepository {
    private final Map<String, KeywordReplies> replies = new ConcurrentHashMap<>();

    private static String key(AccountId accountId, PoolId poolId) {
        return accountId.value() + "/" + poolId.value();
    }

    @Override
    public KeywordReplies find(AccountId accountId, PoolId poolId) {
        return replies.getOrDefault(key(accountId, poolId), KeywordReplies.NONE);
    }

    @Override
    public void replace(AccountId accountId, PoolId poolId, KeywordReplies given, Instant now) {
        replies.put(key(accountId, poolId), given);
    }
}
