package dev.poolkeeper.domain.canary;

import java.math.BigDecimal;

/** What a rental of {@code days} costs, in the provider account's currency. */
public record RentalPrice(int days, BigDecimal price) {
}
