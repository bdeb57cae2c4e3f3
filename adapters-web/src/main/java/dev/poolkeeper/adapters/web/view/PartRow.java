package dev.poolkeeper.adapters.web.view;

/** A pool's part at one provider, as the last sync left it. */
public record PartRow(String provider, String providerPoolId, String state, String lastSynced, String lastError,
                      int pending) {
}
