package dev.poolkeeper.application.fakes;

import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.port.out.event.EventRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The accounts' events in memory, in the order appended (deliveries are not modelled). */
public final class InMemoryEvents implements EventRepository {
    public final List<AccountEvent> appended = new ArrayList<>();

    @Override
    public synchronized void append(AccountEvent event) {
        appended.add(event);
    }

    public synchronized List<EventType> types() {
        return appended.stream().map(AccountEvent::type).toList();
    }

    @Override
    public synchronized Page<AccountEvent> list(AccountId accountId, PageRequest page) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < appended.size(); i++) {
            if (appended.get(i).accountId().equals(accountId) && i + 1 > page.after().orElse(0)) {
                positions.add(i + 1);
            }
        }
        return Page.of(positions.stream().limit(page.size() + 1L).toList(), page.size(), p -> (long) p)
                .map(p -> appended.get(p - 1));
    }

    @Override
    public synchronized List<AccountEvent> newest(AccountId accountId, java.util.Set<EventType> types, int limit) {
        List<AccountEvent> newest = new ArrayList<>();
        for (int i = appended.size() - 1; i >= 0 && newest.size() < limit; i--) {
            AccountEvent e = appended.get(i);
            if (e.accountId().equals(accountId) && types.contains(e.type())) {
                newest.add(e);
            }
        }
        return newest;
    }

    @Override
    public synchronized OptionalLong position(AccountId accountId, String eventId) {
        for (int i = 0; i < appended.size(); i++) {
            if (appended.get(i).id().equals(eventId) && appended.get(i).accountId().equals(accountId)) {
                return OptionalLong.of(i + 1);
            }
        }
        return OptionalLong.empty();
    }

    @Override
    public synchronized int forgetBefore(java.time.Instant before, int limit) {
        int n = 0;
        for (java.util.Iterator<AccountEvent> it = appended.iterator(); it.hasNext() && n < limit; ) {
            if (it.next().createdAt().isBefore(before)) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized Optional<AccountEvent> find(AccountId accountId, String eventId) {
        return appended.stream().filter(e -> e.id().equals(eventId) && e.accountId().equals(accountId)).findFirst();
    }
}
