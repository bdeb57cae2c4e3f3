package dev.poolkeeper.adapters.web.view;

/** One of a pool's settings, labelled for people. */
public record Setting(String label, String value) {
}
