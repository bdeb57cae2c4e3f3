package dev.poolkeeper.application.service.webhook;

import dev.poolkeeper.application.port.in.webhook.HandleInboundMessageUseCase;
import dev.poolkeeper.domain.message.InboundMessage;
import dev.poolkeeper.application.port.out.messaging.WebhookReceiptLog;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.selection.OptOutRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.application.service.sync.OptOutListMirror;
import dev.poolkeeper.domain.optout.Keyword;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Instant;

/** Opt-outs and opt-ins from inbound STOP / START messages, on the receiving pool's list. */
public final class HandleInboundMessageService implements HandleInboundMessageUseCase {
    private final PoolMemberRepository members;
    private final PoolRepository pools;
    private final OptOutRepository optOuts;
    private final WebhookReceiptLog receiptLog;
    private final OptOutListMirror mirror;
    private final TransactionRunner tx;
    private final Clock clock;

    public HandleInboundMessageService(PoolMemberRepository members, PoolRepository pools, OptOutRepository optOuts,
                                       WebhookReceiptLog receiptLog, OptOutListMirror mirror, TransactionRunner tx,
                                       Clock clock) {
        this.members = members;
        this.pools = pools;
        this.optOuts = optOuts;
        this.receiptLog = receiptLog;
        this.mirror = mirror;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public Result handleInboundMessage(InboundMessage message) {
        Keyword keyword = Keyword.of(message.text());
        if (keyword == Keyword.NONE) {
            return new Result(keyword, 0);
        }
        Instant now = Times.now(clock);
        return tx.inTransaction(() -> {
            // an account's own connection can sign anything: its messages are logged, and act, in its own space
            String scope = message.account().map(a -> a.value() + ":").orElse("");
            if (message.providerMessageId().isPresent() && !receiptLog.firstSeen(message.provider(),
                    "in:" + scope + message.providerMessageId().get(), now)) {
                return new Result(keyword, 0);
            }
            int changed = 0;
            for (PoolMemberRepository.Holder holder : members.holders(message.to())) {
                if (message.account().isPresent() && !message.account().get().equals(holder.accountId())) {
                    continue;
                }
                NumberPool pool = pools.find(holder.accountId(), holder.poolId()).orElse(null);
                if (pool == null || pool.settings().selfManagedOptOutsEnabled()) {
                    continue;
                }
                boolean listChanged = keyword == Keyword.STOP
                        ? optOuts.optOut(pool.accountId(), pool.optOutListKey(), message.from(), now) != null
                        : optOuts.optIn(pool.accountId(), pool.optOutListKey(), message.from());
                if (listChanged) {
                    changed++;
                    if (pool.settings().optOutList().isPresent()) {
                        mirror.listChanged(pool.accountId(), pool.settings().optOutList().get(), now);
                    } else {
                        mirror.poolListChanged(pool, now);
                    }
                }
            }
            return new Result(keyword, changed);
        });
    }
}
