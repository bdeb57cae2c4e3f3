package dev.poolkeeper.application.port.in.sync;

/**
 * Reads a pool that exists at a provider, every page of its numbers, and creates a Poolkeeper pool with
 * its settings and all its numbers, recorded as in sync with it. All or nothing: when a number cannot
 * join (it is in another pool of the account, a US long code without a campaign, …), nothing is created.
 */
public interface ImportPoolUseCase {
    ImportResult importPool(ImportPoolCommand command);
}
