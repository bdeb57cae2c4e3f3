package dev.poolkeeper.bootstrap;

import dev.poolkeeper.application.port.out.messaging.OutboundSms;
import dev.poolkeeper.application.port.out.messaging.SendResult;
import dev.poolkeeper.application.port.out.messaging.SmsPort;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and times every provider send by provider and outcome ({@code poolkeeper.sms.sends}), and
 * logs each attempt's outcome (never the text, never credentials). A send through a provider without
 * credentials is answered {@code provider.not_configured} here, and counted and logged like any other.
 */
final class MeteredSmsPort extends MeteredPort<SmsPort> implements SmsPort {
    private static final Logger LOG = LoggerFactory.getLogger(MeteredSmsPort.class);

    MeteredSmsPort(SmsPort delegate, MeterRegistry registry) {
        super(delegate, registry);
    }

    @Override
    public SendResult send(OutboundSms sms) {
        long start = System.nanoTime();
        SendResult result = delegate.configured() ? delegate.send(sms)
                : SendResult.NotSent.notConfigured(provider().wireName());
        record("poolkeeper.sms.sends", "sends handed to a provider, by provider and outcome", start,
                "outcome", result.outcome().wireName());
        LOG.info("send message={} provider={} from={} outcome={} code={}", sms.reference().value(),
                provider().wireName(), sms.from(), result.outcome().wireName(), result.code());
        return result;
    }
}
