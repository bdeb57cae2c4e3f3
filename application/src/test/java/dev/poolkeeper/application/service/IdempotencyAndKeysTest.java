package dev.poolkeeper.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.application.idempotency.IdempotencyDecision;
import dev.poolkeeper.application.idempotency.IdempotentRequest;
import dev.poolkeeper.application.idempotency.StoredResponse;
import dev.poolkeeper.application.port.in.account.AccountCreated;
import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.in.account.CreateAccountCommand;
import dev.poolkeeper.application.service.account.AuthenticateService;
import dev.poolkeeper.application.service.account.CreateAccountService;
import dev.poolkeeper.application.service.account.EnsureDevelopmentAccountService;
import dev.poolkeeper.application.service.account.RevokeApiKeyService;
import dev.poolkeeper.application.service.idempotency.BeginIdempotentRequestService;
import dev.poolkeeper.application.service.idempotency.CompleteIdempotentRequestService;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdempotencyAndKeysTest {
    private final ServiceFixture f = new ServiceFixture();

    @Test
    void aRetryReplaysTheFirstResponseAndAnotherBodyIsRefused() {
        var begin = new BeginIdempotentRequestService(f.idempotency, f.clock);
        var complete = new CompleteIdempotentRequestService(f.idempotency);
        IdempotentRequest first = new IdempotentRequest(f.alice.accountId(), "k1", "fp-a");
        assertInstanceOf(IdempotencyDecision.Proceed.class, begin.begin(first));
        assertEquals(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                assertThrows(DomainException.class, () -> begin.begin(first)).code());
        StoredResponse response = new StoredResponse(201, "{}", Map.of("Location", "/v1/pools/x"));
        complete.complete(first, response);
        assertEquals(new IdempotencyDecision.Replay(response), begin.begin(first));
        assertEquals(ErrorCode.IDEMPOTENCY_KEY_REUSED, assertThrows(DomainException.class,
                () -> begin.begin(new IdempotentRequest(f.alice.accountId(), "k1", "fp-b"))).code());
        assertInstanceOf(IdempotencyDecision.Proceed.class,
                begin.begin(new IdempotentRequest(f.bob.accountId(), "k1", "fp-b")), "keys are per account");
    }

    @Test
    void aKeyIsForgottenAfterADay() {
        IdempotentRequest first = new IdempotentRequest(f.alice.accountId(), "k1", "fp-a");
        new BeginIdempotentRequestService(f.idempotency, f.clock).begin(first);
        new CompleteIdempotentRequestService(f.idempotency).complete(first, new StoredResponse(201, "{}", Map.of()));
        Clock tomorrow = Clock.offset(f.clock, Duration.ofHours(25));
        assertInstanceOf(IdempotencyDecision.Proceed.class, new BeginIdempotentRequestService(f.idempotency, tomorrow)
                .begin(new IdempotentRequest(f.alice.accountId(), "k1", "fp-b")));
    }

    @Test
    void aRevokedKeyNoLongerAuthenticates() {
        AccountCreated created = new CreateAccountService(f.accounts, f.accounts, f.tx, f.clock)
                .createAccount(new CreateAccountCommand("acme"));
        var auth = new AuthenticateService(f.accounts, f.clock);
        Caller caller = auth.authenticate(created.secret().plaintext()).orElseThrow();
        assertEquals(created.account().id(), caller.accountId());
        assertEquals(Optional.empty(), auth.authenticate("pk_not-a-key-at-all-000"));
        new RevokeApiKeyService(f.accounts, f.clock).revokeApiKey(caller, caller.keyId());
        assertEquals(Optional.empty(), auth.authenticate(created.secret().plaintext()));
        assertEquals(ErrorCode.API_KEY_NOT_FOUND, assertThrows(DomainException.class,
                () -> new RevokeApiKeyService(f.accounts, f.clock).revokeApiKey(caller, caller.keyId())).code());
    }

    @Test
    void aRememberedKeyIsRefusedOnceItsCacheTimeIsOver() {
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
        var auth = new AuthenticateService(f.accounts, moving, Duration.ofSeconds(1));
        Caller caller = auth.authenticate(created.secret().plaintext()).orElseThrow();
        new RevokeApiKeyService(f.accounts, f.clock).revokeApiKey(caller, caller.keyId());
        assertTrue(auth.authenticate(created.secret().plaintext()).isPresent(), "still remembered");
        now[0] = now[0].plusMillis(1001);
        assertEquals(Optional.empty(), auth.authenticate(created.secret().plaintext()));
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
