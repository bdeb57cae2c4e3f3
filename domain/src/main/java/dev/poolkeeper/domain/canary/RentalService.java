package dev.poolkeeper.domain.canary;

/** A service a rental provider rents numbers for (it routes what an inbox receives by it). */
public record RentalService(String id, String name) {
}
