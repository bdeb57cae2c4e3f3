package dev.poolkeeper.application.port.in.stats;

public record Statistics(long accounts, long pools, long numbers) {
}
