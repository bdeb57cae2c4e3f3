package dev.poolkeeper.bootstrap.e2e;

import com.fasterxml.jackson.databind.JsonNode;

/** Waiting, as a client would, for a pool's (single) provider part to reach a sync state. */
final class SyncStatus {
    private SyncStatus() {
    }

    static JsonNode await(Api api, String pool, String state) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        JsonNode part = null;
        while (System.nanoTime() < deadline) {
            JsonNode providers = api.get("/v1/pools/" + pool + "/sync").json().get("providers");
            part = providers.size() == 0 ? null : providers.get(0);
            if (part != null && state.equals(part.get("state").asText())) {
                return part;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the part did not reach " + state + ": " + part);
    }

    /**
     * Waits up to {@code seconds} for the condition; the test's own assertion then says what was wrong.
     * A simulator changes its state while it answers, before WireMock journals the request, so a test that
     * then asserts on the journal must wait for the journal entry in its condition too (CI once saw the
     * state change with the journal still empty).
     */
    static void until(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }
}
