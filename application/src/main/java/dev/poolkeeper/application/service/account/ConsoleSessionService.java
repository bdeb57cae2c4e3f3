package dev.poolkeeper.application.service.account;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.account.ConsoleSessionsUseCase;
import dev.poolkeeper.application.port.out.account.ApiKeyRepository;
import dev.poolkeeper.application.port.out.account.ConsoleSessionRepository;
import dev.poolkeeper.domain.account.ApiKey;
import dev.poolkeeper.domain.account.ApiKeySecret;
import dev.poolkeeper.domain.account.ConsoleSession;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.RetryLaterException;
import dev.poolkeeper.domain.shared.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sign-in with an API key: at most {@code attemptsPerMinute} attempts a minute from one client
 * address (on this instance), sessions that end after {@code idle} without a request or {@code absolute}
 * after sign-in, and with their key.
 */
public final class ConsoleSessionService implements ConsoleSessionsUseCase {
    /** A session's last use is written at most this often: a page's requests do not each cost a write. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final ConsoleSessionRepository sessions;
    private final Duration idle;
    private final Duration absolute;
    private final int attemptsPerMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Attempts> attempts = new ConcurrentHashMap<>();

    private record Attempts(Instant windowStart, int count) {
    }

    public ConsoleSessionService(ApiKeyRepository keys, ConsoleSessionRepository sessions, Duration idle,
                                 Duration absolute, int attemptsPerMinute, Clock clock) {
        this.keys = keys;
        this.sessions = sessions;
        this.idle = idle;
        this.absolute = absolute;
        this.attemptsPerMinute = attemptsPerMinute;
        this.clock = clock;
    }

    @Override
    public Optional<SignedIn> signIn(String presentedKey, String clientAddress) {
        Instant now = Times.now(clock);
        Attempts counted = attempts.compute(clientAddress, (address, a) -> a == null
                || !now.isBefore(a.windowStart().plus(WINDOW)) ? new Attempts(now, 1)
                : new Attempts(a.windowStart(), a.count() + 1));
        if (counted.count() > attemptsPerMinute) {
            Duration wait = Duration.between(now, counted.windowStart().plus(WINDOW));
            throw new RetryLaterException(ErrorCode.RATE_LIMITED, "more than " + attemptsPerMinute
                    + " sign-in attempts in a minute from this address", wait.isNegative() ? Duration.ZERO : wait);
        }
        if (attempts.size() > 10_000) {
            attempts.values().removeIf(a -> !now.isBefore(a.windowStart().plus(WINDOW)));
        }
        if (presentedKey == null || presentedKey.isBlank() || presentedKey.length() > 200) {
            return Optional.empty();
        }
        Optional<ApiKey> key = keys.findActiveByHash(ApiKeySecret.hash(presentedKey.strip()));
        if (key.isEmpty()) {
            return Optional.empty();
        }
        sessions.deleteEnded(now, now.minus(idle));
        ConsoleSession.Started started = ConsoleSession.start(key.get(), now, absolute);
        sessions.insert(started.session());
        return Optional.of(new SignedIn(started.token(), new Caller(key.get().accountId(), key.get().id()),
                started.session().expiresAt()));
    }

    @Override
    public Optional<Session> resume(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = Times.now(clock);
        String hash = ConsoleSession.hash(token);
        Optional<ConsoleSession> found = sessions.findWithActiveKey(hash).filter(s -> s.liveAt(now, idle));
        found.filter(s -> !now.isBefore(s.lastSeenAt().plus(TOUCH_EVERY))).ifPresent(s -> sessions.touch(hash, now));
        return found.map(s -> new Session(new Caller(s.accountId(), s.keyId()), ConsoleSession.csrfToken(token)));
    }

    @Override
    public void signOut(String token) {
        if (token != null && !token.isBlank() && token.length() <= 100) {
            sessions.delete(ConsoleSession.hash(token));
        }
    }
}
