package dev.poolkeeper.application.port.in.sync;

/** The scheduled full reconcile: every pool is synced again, which finds drift at the providers. */
public interface RequestFullReconcileUseCase {
    int requestFullReconcile();
}
