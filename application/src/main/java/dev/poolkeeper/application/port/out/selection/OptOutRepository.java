package dev.poolkeeper.application.port.out.selection;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.optout.OptedOutNumber;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Opted-out recipients, per opt-out list of an account. A pool's list is the one it names in
 * {@code opt_out_list_name}, or else a list of its own (key {@code pool:<pool id>}).
 */
public interface OptOutRepository {
    boolean isOptedOut(AccountId accountId, String listKey, PhoneNumber number);

    /** Which of {@code numbers} are on the list: as {@link #isOptedOut} for each, in one look-up where it can. */
    default Set<PhoneNumber> optedOut(AccountId accountId, String listKey, Collection<PhoneNumber> numbers) {
        Set<PhoneNumber> out = new HashSet<>();
        for (PhoneNumber n : numbers) {
            if (isOptedOut(accountId, listKey, n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** Opts the number out and returns the stored opt-out: when it already was, the first one is kept. */
    OptedOutNumber optOut(AccountId accountId, String listKey, PhoneNumber number, Instant at);

    /** Opts the number back in; false when it was not opted out. */
    boolean optIn(AccountId accountId, String listKey, PhoneNumber number);

    Page<OptedOutNumber> list(AccountId accountId, String listKey, PageRequest page);
}
