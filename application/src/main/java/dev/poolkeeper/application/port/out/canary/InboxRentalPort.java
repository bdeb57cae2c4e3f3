package dev.poolkeeper.application.port.out.canary;

import dev.poolkeeper.domain.canary.RentalBalance;
import dev.poolkeeper.domain.canary.RentalPrice;
import dev.poolkeeper.domain.canary.RentalService;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A provider that rents numbers with a readable SMS inbox, bound to one account's connection. Every call
 * throws {@link InboxRentalException} when it does not succeed; {@link #rent} is charged once and cannot be
 * undone, so a rent whose answer was lost must be looked for in {@link #rentals()} before any retry.
 */
public interface InboxRentalPort {
    /** A rented number; {@code service} when the provider says which one it was rented for. */
    record Rental(String rentalId, PhoneNumber number, int days, Optional<BigDecimal> cost, Instant endsAt,
                  Optional<String> service) {
    }

    /** One SMS in a rental's inbox, as received. */
    record InboxSms(String from, String body, Optional<String> code, Instant at) {
    }

    List<RentalService> services();

    List<RentalPrice> prices(String service);

    RentalBalance balance();

    Rental rent(String service, int days);

    List<Rental> rentals();

    List<InboxSms> inbox(String rentalId);
}
