package dev.poolkeeper.application.port.out.event;

import dev.poolkeeper.domain.event.AccountEvent;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * POSTs an event to an endpoint as JSON, signed with each secret in force, after checking again where the
 * URL points (after DNS resolution) as {@link UrlGuard} does.
 */
public interface EventSink {
    /** How a try ended: a 2xx, a failure (with the status when there was one), or a URL refused before sending. */
    sealed interface Result {
    }

    record Delivered(int status) implements Result {
    }

    record Failed(Optional<Integer> status, String error) implements Result {
    }

    record Refused(String why) implements Result {
    }

    Result post(URI url, AccountEvent event, String deliveryId, List<String> secrets);
}
