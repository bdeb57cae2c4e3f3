package dev.poolkeeper.application.service.stats;

import dev.poolkeeper.application.port.in.stats.GetStatisticsUseCase;
import dev.poolkeeper.application.port.in.stats.Statistics;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.stats.BacklogRepository;

public final class GetStatisticsService implements GetStatisticsUseCase {
    private final AccountRepository accounts;
    private final PoolRepository pools;
    private final BacklogRepository backlog;

    public GetStatisticsService(AccountRepository accounts, PoolRepository pools, BacklogRepository backlog) {
        this.accounts = accounts;
        this.pools = pools;
        this.backlog = backlog;
    }

    @Override
    public Statistics statistics() {
        return new Statistics(accounts.count(), pools.count(), pools.countNumbers(), backlog.unhealthyNumbers(),
                backlog.messagesAwaitingReconciliation(), backlog.syncRequestsOutstanding(),
                backlog.syncPartsByState());
    }
}
