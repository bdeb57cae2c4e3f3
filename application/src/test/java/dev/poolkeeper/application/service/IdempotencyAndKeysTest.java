package dev.poolkeeper.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.poolkeeper.application.port.in.idempotency.RunIdempotentlyUseCase.Binding.BOUND_BY_ACTION;
import static dev.poolkeeper.application.port.in.idempotency.RunIdempotentlyUseCase.Binding.SAME_TRANSACTION;

import dev.poolkeeper.application.idempotency.IdempotentOutcome;
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;
import dev.poolkeeper.application.port.in.account.AccountCreated;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.account.CreateAccountCommand;
import dev.poolkeeper.application.service.account.ActiveKeyCache;
import dev.poolkeeper.application.service.account.AuthenticateService;
import dev.poolkeeper.application.service.account.CreateAccountService;
import dev.poolkeeper.application.service.account.EnsureDevelopmentAccountService;
import dev.poolkeeper.application.service.account.RevokeApiKeyService;
import dev.poolkeeper.application.service.idempotency.RunIdempotentlyService;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdempotencyAndKeysTest {
    private final ServiceFixture f = new ServiceFixture();

    private static final StoredResponse CREATED = new StoredResponse(201, "{}", Map.of("Location", "/v1/pools/x"));

    private RunIdempotentlyService service(Clock clock) {
        return new RunIdempotentlyService(f.idempotency, f.tx, Duration.ofMinutes(5), clock);
    }

    @Test
    void aRetryReplaysTheFirstResponseAndAnotherBodyIsRefused() {
        RunIdempotentlyService run = service(f.clock);
        IdempotentRequest first = new IdempotentRequest(f.alice.accountId(), "k1", "fp-a");
        AtomicInteger runs = new AtomicInteger();
        assertEquals(new IdempotentOutcome(CREATED, false), run.run(first, SAME_TRANSACTION, () -> {
            runs.incrementAndGet();
            return CREATED;
        }));
        assertEquals(new IdempotentOutcome(CREATED, true), run.run(first, SAME_TRANSACTION, () -> {
            runs.incrementAndGet();
            return CREATED;
        }));
        assertEquals(1, runs.get(), "the retry is answered from the record");
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, assertThrows(DomainException.class,
                () -> run.run(new IdempotentRequest(f.alice.accountId(), "k1", "fp-b"), SAME_TRANSACTION,
                        () -> CREATED)).code());
        assertEquals(new IdempotentOutcome(CREATED, false), run.run(new IdempotentRequest(f.bob.accountId(), "k1",
                "fp-b"), SAME_TRANSACTION, () -> CREATED), "keys are per account");
    }

    @Test
    void aRequestStillRunningMakesARetryWaitUnlessTheActionIsBoundToTheKey() {
        IdempotentRequest first = new IdempotentRequest(f.alice.accountId(), "k2", "fp-a");
        f.idempotency.reserve(first, Instant.now(f.clock)); // the first request is running, or its process died
        assertEquals(ErrorCode.IDEMPOTENCY_IN_PROGRESS, assertThrows(DomainException.class,
                () -> service(f.clock).run(first, SAME_TRANSACTION, () -> CREATED)).code());
        assertEquals(new IdempotentOutcome(CREATED, true), service(f.clock).run(first, BOUND_BY_ACTION, () -> CREATED),
                "a bound action runs again at once: it finds what the first request stored");
    }

    @Test
    void aReservationWhoseTransactionNeverCommittedIsTakenOverOnlyAfterItsAgeLimit() {
        IdempotentRequest first = new IdempotentRequest(f.alice.accountId(), "k3", "fp-a");
        f.idempotency.reserve(first, Instant.now(f.clock)); // the process died before its transaction committed
        Clock later = Clock.offset(f.clock, Duration.ofMinutes(6));
        assertEquals(new IdempotentOutcome(CREATED, false), service(later).run(first, SAME_TRANSACTION, () -> CREATED));
        assertEquals(new IdempotentOutcome(CREATED, true), service(later).run(first, SAME_TRANSACTION, () -> {
            throw new AssertionError("not run again");
        }));
    }

    @Test
    void aRefusalOrAFailureIsNotKeptSoARetryRunsAgain() {
        IdempotentRequest first = new IdempotentRequest(f.alice.accountId(), "k4", "fp-a");
        StoredResponse refused = new StoredResponse(409, "{}", Map.of());
        assertEquals(new IdempotentOutcome(refused, false), service(f.clock).run(first, SAME_TRANSACTION, () -> refused));
        assertThrows(IllegalStateException.class, () -> service(f.clock).run(first, BOUND_BY_ACTION, () -> {
            throw new IllegalStateException("boom");
        }));
        assertEquals(new IdempotentOutcome(CREATED, false), service(f.clock).run(first, SAME_TRANSACTION, () -> CREATED));
    }

    @Test
    void aKeyIsForgottenAfterADay() {
        IdempotentRequest first = new IdempotentRequest(f.alice.accountId(), "k1", "fp-a");
        service(f.clock).run(first, SAME_TRANSACTION, () -> CREATED);
        Clock tomorrow = Clock.offset(f.clock, Duration.ofHours(25));
        assertEquals(new IdempotentOutcome(CREATED, false), service(tomorrow).run(
                new IdempotentRequest(f.alice.accountId(), "k1", "fp-b"), SAME_TRANSACTION, () -> CREATED));
    }

    @Test
    void aRevokedKeyNoLongerAuthenticates() {
        AccountCreated created = new CreateAccountService(f.accounts, f.accounts, f.tx, f.clock)
                .createAccount(new CreateAccountCommand("acme"));
        var auth = new AuthenticateService(f.accounts, f.clock);
        Caller caller = auth.authenticate(created.secret().plaintext()).orElseThrow();
        assertEquals(created.account().id(), caller.accountId());
        assertEquals(Optional.empty(), auth.authenticate("pk_not-a-key-at-all-000"));
        new RevokeApiKeyService(f.accounts, new ActiveKeyCache(Duration.ZERO), f.clock).revokeApiKey(caller,
                caller.keyId());
        assertEquals(Optional.empty(), auth.authenticate(created.secret().plaintext()));
        assertEquals(ErrorCode.API_KEY_NOT_FOUND, assertThrows(DomainException.class,
                () -> new RevokeApiKeyService(f.accounts, new ActiveKeyCache(Duration.ZERO), f.clock)
                        .revokeApiKey(caller, caller.keyId())).code());
    }

    @Test
    void aRememberedKeyIsRefusedOnTheInstanceThatRevokedItAtOnceAndOnOthersOnceTheirCacheTimeIsOver() {
        AccountCreated created = new CreateAccountService(f.accounts, f.accounts, f.tx, f.clock)
                .createAccount(new CreateAccountCommand("acme"));
        Instant[] now = {Instant.parse("2026-11-23T10:15:00Z")};
        Clock moving = new Clock() {
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        ActiveKeyCache here = new ActiveKeyCache(Duration.ofSeconds(1));
        ActiveKeyCache elsewhere = new ActiveKeyCache(Duration.ofSeconds(1));
        var auth = new AuthenticateService(f.accounts, moving, here);
        var otherInstance = new AuthenticateService(f.accounts, moving, elsewhere);
        Caller caller = auth.authenticate(created.secret().plaintext()).orElseThrow();
        otherInstance.authenticate(created.secret().plaintext()).orElseThrow();
        new RevokeApiKeyService(f.accounts, here, f.clock).revokeApiKey(caller, caller.keyId());
        assertEquals(Optional.empty(), auth.authenticate(created.secret().plaintext()), "refused at once here");
        assertTrue(otherInstance.authenticate(created.secret().plaintext()).isPresent(), "still remembered elsewhere");
        now[0] = now[0].plusMillis(1001);
        assertEquals(Optional.empty(), otherInstance.authenticate(created.secret().plaintext()));
    }

    @Test
    void theDevelopmentAccountKeepsAConfiguredKeyAcrossRestarts() {
        var ensure = new EnsureDevelopmentAccountService(f.accounts, f.accounts, f.tx, f.clock);
        ensure.ensureDevelopmentAccount(Optional.of("dev-key-0123456789abcdef"));
        ensure.ensureDevelopmentAccount(Optional.of("dev-key-0123456789abcdef"));
        assertEquals(1, f.accounts.count());
        assertTrue(new AuthenticateService(f.accounts, f.clock).authenticate("dev-key-0123456789abcdef").isPresent());
    }
}
