package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.out.ProviderPort;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/** What the metering decorators of provider ports share: the port they wrap, and a timer per outcome. */
abstract class MeteredPort<P extends ProviderPort> implements ProviderPort {
    protected final P delegate;
    private final MeterRegistry registry;

    MeteredPort(P delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public Provider provider() {
        return delegate.provider();
    }

    @Override
    public ProviderCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public boolean configured() {
        return delegate.configured();
    }

    /** Records the time since {@code startNanos} in timer {@code name}, tagged with the provider and {@code tags}. */
    protected void record(String name, String description, long startNanos, String... tags) {
        Timer.builder(name).description(description).tag("provider", provider().wireName()).tags(tags)
                .register(registry).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }
}
