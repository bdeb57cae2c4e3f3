package dev.poolkeeper.application.service.stats;

import dev.poolkeeper.application.port.in.stats.GetStatisticsUseCase;
import dev.poolkeeper.application.port.in.stats.Statistics;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;

public final class GetStatisticsService implements GetStatisticsUseCase {
    private final AccountRepository accounts;
    private final PoolRepository pools;

    public GetStatisticsService(AccountRepository accounts, PoolRepository pools) {
        this.accounts = accounts;
        this.pools = pools;
    }

    @Override
    public Statistics statistics() {
        return new Statistics(accounts.count(), pools.count(), pools.countNumbers());
    }
}
