package dev.poolkeeper.domain.canary;

import java.math.BigDecimal;

/** What the provider account has left to rent with. */
public record RentalBalance(BigDecimal amount, String currency) {
}
