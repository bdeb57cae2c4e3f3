package dev.poolkeeper.application.port.in.sync;

/** The worker's step: lease due sync requests and run them; returns how many pools were synced. */
public interface RunPendingSyncsUseCase {
    int runPendingSyncs(String owner, int max);
}
