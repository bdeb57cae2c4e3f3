package dev.poolkeeper.application.port.out.selection;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;

/**
 * Opted-out recipients, per opt-out list of an account. A pool's list is the one it names in
 * {@code opt_out_list_name}, or else a list of its own (key {@code pool:<pool id>}).
 */
public interface OptOutRepository {
    boolean isOptedOut(AccountId accountId, String listKey, PhoneNumber number);
}
