package dev.poolkeeper.adapters.persistence.pool;

import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.application.port.out.pool.KeywordReplyRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.optout.KeywordReplies;
import dev.poolkeeper.domain.pool.PoolId;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@Singleton
public final class KeywordReplyPersistenceAdapter implements KeywordReplyRepository {
    private final Jdbc jdbc;

    KeywordReplyPersistenceAdapter(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public KeywordReplies find(AccountId accountId, PoolId poolId) {
        List<KeywordReplies.Reply> replies = jdbc.read(c -> Jdbc.query(c, "SELECT keyword, reply, language"
                        + " FROM pool_keyword_replies WHERE account_id = ? AND pool_id = ? ORDER BY position",
                rs -> new KeywordReplies.Reply(rs.getString("keyword"), rs.getString("reply"),
                        Optional.ofNullable(rs.getString("language"))), accountId.value(), poolId.value()));
        return new KeywordReplies(replies);
    }

    @Override
    public void replace(AccountId accountId, PoolId poolId, KeywordReplies replies, Instant now) {
        jdbc.write(c -> {
            Jdbc.update(c, "DELETE FROM pool_keyword_replies WHERE account_id = ? AND pool_id = ?", accountId.value(),
                    poolId.value());
            int position = 0;
            for (KeywordReplies.Reply r : replies.replies()) {
                Jdbc.update(c, "INSERT INTO pool_keyword_replies (account_id, pool_id, keyword, position, reply,"
                                + " language, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", accountId.value(),
                        poolId.value(), r.keyword(), position++, r.text(), r.language().orElse(null), now);
            }
            return null;
        });
    }
}
