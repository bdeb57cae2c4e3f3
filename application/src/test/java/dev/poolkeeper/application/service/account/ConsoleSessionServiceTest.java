package dev.poolkeeper.application.service.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.fakes.InMemoryAccounts;
import dev.poolkeeper.application.fakes.MovableClock;
import dev.poolkeeper.application.port.in.account.ConsoleSessionsUseCase;
import dev.poolkeeper.application.port.out.account.ConsoleSessionRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeySecret;
import dev.poolkeeper.domain.account.ConsoleSession;
import dev.poolkeeper.domain.shared.RetryLaterException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class ConsoleSessionServiceTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-03T09:00:00Z"));
    private final InMemoryAccounts accounts = new InMemoryAccounts();
    private final Sessions sessions = new Sessions();
    private final ConsoleSessionService service = new ConsoleSessionService(accounts, sessions,
            Duration.ofMinutes(30), Duration.ofHours(12), 3, clock);
    private final ApiKeySecret secret = ApiKeySecret.generate();
    private final ApiKey key = ApiKey.issue(new AccountId("acct_console"), secret, clock.instant());

    /** Sessions by the hash of their token, as the table keeps them; a revoked key's are not found. */
    private final class Sessions implements ConsoleSessionRepository {
        final Map<String, ConsoleSession> rows = new ConcurrentHashMap<>();

        @Override
        public void insert(ConsoleSession s) {
            rows.put(s.idHash(), s);
        }

        @Override
        public Optional<ConsoleSession> findWithActiveKey(String idHash) {
            return Optional.ofNullable(rows.get(idHash))
                    .filter(s -> accounts.findActiveByHash(key.hash()).map(k -> k.id().equals(s.keyId())).orElse(false));
        }

        @Override
        public void touch(String idHash, Instant at) {
            rows.computeIfPresent(idHash, (h, s) -> new ConsoleSession(h, s.accountId(), s.keyId(), s.createdAt(), at,
                    s.expiresAt()));
        }

        @Override
        public void delete(String idHash) {
            rows.remove(idHash);
        }

        @Override
        public int deleteEnded(Instant now, Instant idleSince) {
            int before = rows.size();
            rows.values().removeIf(s -> !now.isBefore(s.expiresAt()) || s.lastSeenAt().isBefore(idleSince));
            return before - rows.size();
        }
    }

    private String signIn() {
        if (accounts.findActiveByHash(key.hash()).isEmpty()) {
            accounts.insert(key);
        }
        return service.signIn(secret.plaintext(), "192.0.2.1").orElseThrow().token();
    }

    @Test
    void theBrowserGetsATokenTheDatabaseOnlyItsHash() {
        assertEquals(Optional.empty(), service.signIn(secret.plaintext(), "192.0.2.1"), "an unknown key starts nothing");
        String token = signIn();
        assertEquals(1, sessions.rows.size());
        assertTrue(sessions.rows.containsKey(ConsoleSession.hash(token)));
        assertTrue(sessions.rows.values().stream().noneMatch(s -> s.idHash().equals(token)));
        ConsoleSessionsUseCase.Session session = service.resume(token).orElseThrow();
        assertEquals(key.id(), session.caller().keyId());
        assertNotEquals(token, session.csrfToken());
        assertEquals(ConsoleSession.csrfToken(token), session.csrfToken());
    }

    @Test
    void aSessionEndsWhenIdleAndAtItsEndWhateverTheUse() {
        String token = signIn();
        clock.advance(Duration.ofMinutes(29));
        assertTrue(service.resume(token).isPresent(), "used within the idle time");
        clock.advance(Duration.ofMinutes(29));
        assertTrue(service.resume(token).isPresent(), "each use pushes the idle end");
        clock.advance(Duration.ofMinutes(31));
        assertEquals(Optional.empty(), service.resume(token), "idle for 31 minutes");

        String busy = signIn();
        for (int i = 0; i < 12 * 3; i++) {
            clock.advance(Duration.ofMinutes(20));
            if (i < 12 * 3 - 1) {
                assertTrue(service.resume(busy).isPresent(), "busy at " + clock.instant());
            }
        }
        assertEquals(Optional.empty(), service.resume(busy), "12 hours after sign-in, however busy");
    }

    @Test
    void signOutAndRevocationEndTheSession() {
        String token = signIn();
        service.signOut(token);
        assertEquals(Optional.empty(), service.resume(token));
        String again = service.signIn(secret.plaintext(), "192.0.2.1").orElseThrow().token();
        accounts.revoke(key.accountId(), key.id(), clock.instant());
        assertEquals(Optional.empty(), service.resume(again));
    }

    @Test
    void signInAttemptsAreLimitedPerAddressAndMinute() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), service.signIn("pk_wrongwrongwrongwrong", "192.0.2.7"));
        }
        RetryLaterException e = assertThrows(RetryLaterException.class,
                () -> service.signIn(secret.plaintext(), "192.0.2.7"));
        assertTrue(!e.retryAfter().isNegative() && e.retryAfter().compareTo(Duration.ofMinutes(1)) <= 0);
        assertEquals(Optional.empty(), service.signIn("pk_wrongwrongwrongwrong", "192.0.2.8"), "another address");
        clock.advance(Duration.ofMinutes(1));
        assertTrue(signIn() != null && service.signIn(secret.plaintext(), "192.0.2.7").isPresent(), "a minute later");
    }
}
