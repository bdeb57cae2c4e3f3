package dev.poolkeeper.adapters.web.view;

import dev.poolkeeper.application.port.in.optout.RecentOptOutChangesUseCase.OptOutChange;
import java.time.Instant;

/** One recent opt-out change: when, which number, opted out or in, on which list, and how (STOP/START or API). */
public record OptOutChangeRow(Instant at, String number, String change, String list, String how) {

    public static OptOutChangeRow of(OptOutChange c) {
        // a pool's own list is named by the pool's id: where the keyword came in is said only when it differs
        String how = "keyword".equals(c.source())
                ? (c.optedOut() ? "STOP" : "START") + c.receivedInPool().filter(p -> !p.equals(c.list()))
                        .map(p -> " to a number of " + p).orElse("")
                : c.source();
        return new OptOutChangeRow(c.at(), c.number(), c.optedOut() ? "opted out" : "opted in", c.list(), how);
    }
}
