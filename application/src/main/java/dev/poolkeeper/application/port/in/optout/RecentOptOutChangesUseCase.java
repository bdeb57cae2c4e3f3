package dev.poolkeeper.application.port.in.optout;

import dev.poolkeeper.application.port.in.account.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller's most recent opt-out changes across its lists, newest first: each STOP and START a recipient
 * sent and each opt-out or opt-in made through the API, for as long as the account's events are kept.
 */
public interface RecentOptOutChangesUseCase {
    int MAX = 200;

    /** Up to {@code limit} (1–{@value #MAX}) changes. */
    List<OptOutChange> recentOptOutChanges(Caller caller, int limit);

    /**
     * @param list    the list's name, or the pool's id for a pool's own list
     * @param source  {@code keyword} (a STOP or START the recipient sent) or {@code api}
     * @param receivedInPool for a keyword: the pool whose number received it
     */
    record OptOutChange(Instant at, String number, boolean optedOut, String list, String source,
                        Optional<String> receivedInPool) {
        public OptOutChange {
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(receivedInPool, "receivedInPool");
        }
    }
}
