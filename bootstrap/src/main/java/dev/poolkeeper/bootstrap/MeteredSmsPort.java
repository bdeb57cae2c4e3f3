package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.domain.number.Provider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and times every provider send by provider and outcome ({@code poolkeeper.sms.sends}), and
 * logs each attempt's outcome (never the text, never credentials).
 */
final class MeteredSmsPort implements SmsPort {
    private static final Logger LOG = LoggerFactory.getLogger(MeteredSmsPort.class);

    private final SmsPort delegate;
    private final MeterRegistry registry;

    MeteredSmsPort(SmsPort delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
    }

    @Override
    public Provider provider() {
        return delegate.provider();
    }

    @Override
    public boolean configured() {
        return delegate.configured();
    }

    @Override
    public boolean sendsAlphanumeric() {
        return delegate.sendsAlphanumeric();
    }

    @Override
    public SendResult send(OutboundSms sms) {
        long start = System.nanoTime();
        SendResult result = delegate.send(sms);
        Timer.builder("poolkeeper.sms.sends")
                .description("sends handed to a provider, by provider and outcome")
                .tag("provider", provider().wireName())
                .tag("outcome", result.outcome().wireName())
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        LOG.info("send message={} provider={} from={} outcome={} code={}", sms.reference().value(),
                provider().wireName(), sms.from(), result.outcome().wireName(), result.code());
        return result;
    }
}
