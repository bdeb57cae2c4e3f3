package dev.poolkeeper.adapters.web.view;

/** One line of the operations page: what (a pool, an endpoint), its state, and the detail an operator acts on. */
public record OpsRow(String link, String label, String state, String detail, boolean trouble) {
}
