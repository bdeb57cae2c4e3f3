package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.out.sync.PartRef;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.application.port.out.sync.ProviderSyncException;
import dev.poolkeeper.domain.sync.ObservedPart;
import dev.poolkeeper.domain.sync.PoolDialect;
import dev.poolkeeper.domain.sync.SyncOperation;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every provider pool call by provider, call (a read, or the operation's kind) and outcome
 * ({@code poolkeeper.sync.calls}: {@code ok}, {@code partial} when the provider refused some numbers,
 * {@code retryable}, {@code refused}), and logs it: writes at INFO, reads at DEBUG (a full reconcile reads
 * every pool), failures at WARN with the provider's code. Never credentials, never request bodies.
 */
final class MeteredProviderPoolPort extends MeteredPort<ProviderPoolPort> implements ProviderPoolPort {
    private static final Logger LOG = LoggerFactory.getLogger(MeteredProviderPoolPort.class);

    MeteredProviderPoolPort(ProviderPoolPort delegate, MeterRegistry registry) {
        super(delegate, registry);
    }

    @Override
    public PoolDialect dialect() {
        return delegate.dialect();
    }

    @Override
    public boolean isPoolId(String id) {
        return delegate.isPoolId(id);
    }

    @Override
    public String poolIdShape() {
        return delegate.poolIdShape();
    }

    @Override
    public Optional<ObservedPart> read(PartRef part) {
        return timed(part, "read", 0, () -> delegate.read(part), observed -> "ok");
    }

    @Override
    public Applied apply(PartRef part, SyncOperation operation) {
        return timed(part, operation.kind().wireName(), operation.numbers().size(),
                () -> delegate.apply(part, operation), applied -> applied.refused().isEmpty() ? "ok" : "partial");
    }

    private <T> T timed(PartRef part, String call, int numbers, Supplier<T> work,
                        java.util.function.Function<T, String> outcomeOf) {
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            T result = work.get();
            outcome = outcomeOf.apply(result);
            log(part, call, numbers, outcome, null, start);
            return result;
        } catch (ProviderSyncException e) {
            outcome = e.retryable() ? "retryable" : "refused";
            log(part, call, numbers, outcome, e.code(), start);
            throw e;
        } finally {
            record("poolkeeper.sync.calls", "provider pool API calls, by provider, call and outcome", start,
                    "call", call, "outcome", outcome);
        }
    }

    private void log(PartRef part, String call, int numbers, String outcome, String code, long start) {
        long ms = (System.nanoTime() - start) / 1_000_000;
        String provider = provider().wireName();
        String pool = part.poolId().value();
        if (code != null) {
            LOG.warn("sync call provider={} pool={} call={} numbers={} outcome={} code={} ms={}", provider, pool,
                    call, numbers, outcome, code, ms);
        } else if (call.equals("read")) {
            LOG.debug("sync call provider={} pool={} call=read outcome={} ms={}", provider, pool, outcome, ms);
        } else {
            LOG.info("sync call provider={} pool={} call={} numbers={} outcome={} ms={}", provider, pool, call,
                    numbers, outcome, ms);
        }
    }
}
