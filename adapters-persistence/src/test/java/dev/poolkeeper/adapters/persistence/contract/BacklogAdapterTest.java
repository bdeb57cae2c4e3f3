package dev.poolkeeper.adapters.persistence.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.port.out.account.AccountRepository;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.application.port.out.pool.NumberHealthRepository;
import dev.poolkeeper.application.port.out.pool.PoolMemberRepository;
import dev.poolkeeper.application.port.out.pool.PoolRepository;
import dev.poolkeeper.application.port.out.stats.BacklogRepository;
import dev.poolkeeper.application.port.out.sync.SyncPartRepository;
import dev.poolkeeper.application.port.out.sync.SyncRequestRepository;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import dev.poolkeeper.domain.account.Account;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.number.HealthWindow;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolName;
import dev.poolkeeper.domain.pool.PoolPatch;
import dev.poolkeeper.domain.selection.Reason;
import dev.poolkeeper.domain.sync.SyncPart;
import dev.poolkeeper.domain.sync.SyncState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operators' backlog counts on the real database, each moved by exactly what it counts. */
class BacklogAdapterTest {
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();

    private static <T> T bean(Class<T> type) {
        return DB.bean(type);
    }

    private record Counts(long unhealthy, long awaiting, long outstanding, Map<SyncState, Long> parts) {
        static Counts read() {
            BacklogRepository backlog = bean(BacklogRepository.class);
            return new Counts(backlog.unhealthyNumbers(), backlog.messagesAwaitingReconciliation(),
                    backlog.syncRequestsOutstanding(), backlog.syncPartsByState());
        }
    }

    @Test
    void eachCountMovesWithWhatItCounts() {
        TransactionRunner tx = bean(TransactionRunner.class);
        AccountId account = AccountId.newId(NOW);
        bean(AccountRepository.class).insert(new Account(account, "backlog", NOW));
        NumberPool pool = NumberPool.create(account, PoolPatch.named(new PoolName("backlog")), NOW);
        PhoneNumber number = PhoneNumber.parse("+14155550177");
        tx.run(() -> {
            bean(PoolRepository.class).insert(pool);
            bean(PoolMemberRepository.class).insert(account, pool.id(), List.of(new PoolMember(number,
                    Provider.TELNYX, NumberType.LONG_CODE, "US", new dev.poolkeeper.domain.number.CampaignId("CABC123"), false, 1, NumberHealth.UNKNOWN, NOW)));
        });
        Counts before = Counts.read();
        assertEquals(SyncState.values().length, before.parts().size(), "every state, zero or not");

        tx.run(() -> bean(NumberHealthRepository.class).save(account, number, NumberHealth.UNHEALTHY,
                new HealthWindow("FFFF"), NOW));
        Sender sender = new Sender(number.e164(), Provider.TELNYX, Optional.of(NumberType.LONG_CODE), Reason.WEIGHTED);
        // awaiting a receipt while sending, and after it ended unknown; one sent, its answer recorded
        Map<MessageStatus, Boolean> messages = Map.of(MessageStatus.SENDING, true, MessageStatus.UNKNOWN, true,
                MessageStatus.SENT, false);
        for (Map.Entry<MessageStatus, Boolean> m : messages.entrySet()) {
            bean(MessageRepository.class).insert(Message.reconstitute(MessageId.newId(NOW), account, pool.id(),
                    PhoneNumber.parse("+12125550100"), "hi", sender, m.getKey(), null, null, null, m.getValue(),
                    List.of(), List.of(), NOW, NOW, Optional.empty(),
                    dev.poolkeeper.domain.message.Submission.standard(NOW), List.of(), NOW));
        }
        bean(SyncRequestRepository.class).request(account, pool.id(), NOW);
        SyncPartRepository parts = bean(SyncPartRepository.class);
        parts.save(SyncPart.pending(account, pool.id(), Provider.TELNYX).with(Optional.of("profile-1"),
                SyncState.FAILED, Optional.of(NOW), Optional.of("provider.refused: no"), 0));
        parts.save(SyncPart.pending(account, pool.id(), Provider.VONAGE));

        Counts after = Counts.read();
        assertEquals(before.unhealthy() + 1, after.unhealthy());
        assertEquals(before.awaiting() + 2, after.awaiting(), "only the messages whose answer was lost");
        assertEquals(before.outstanding() + 1, after.outstanding());
        Map<SyncState, Long> expected = new EnumMap<>(before.parts());
        expected.merge(SyncState.FAILED, 1L, Long::sum);
        expected.merge(SyncState.PENDING, 1L, Long::sum);
        assertEquals(expected, after.parts());
    }
}
