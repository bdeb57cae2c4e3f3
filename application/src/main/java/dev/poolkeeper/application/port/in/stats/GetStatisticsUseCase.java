package dev.poolkeeper.application.port.in.stats;

/** Totals across all accounts, for operators' metrics. */
public interface GetStatisticsUseCase {
    Statistics statistics();
}
