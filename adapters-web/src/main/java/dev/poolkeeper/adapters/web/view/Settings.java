package dev.poolkeeper.adapters.web.view;

import dev.poolkeeper.domain.pool.NumberPool;
import dev.poolkeeper.domain.pool.PoolSettings;
import java.util.List;

/** A pool's settings, labelled for people. */
public final class Settings {
    private Settings() {
    }

    public static List<Setting> of(NumberPool p) {
        PoolSettings s = p.settings();
        return List.of(new Setting("Message type", p.messageType().wireName()),
                new Setting("Fallback", s.fallback().wireName()
                        + s.customFromSender().map(c -> " (" + c.value() + ")").orElse("")),
                new Setting("Sticky sender", s.stickySender() ? "on" : "off"),
                new Setting("Sticky for", s.stickyTtlDays() + " days"),
                new Setting("Geomatch", s.geomatch() ? "on" : "off"),
                new Setting("Weights", "long code " + s.longCodeWeight() + ", toll-free " + s.tollFreeWeight()),
                new Setting("Skip unhealthy numbers", s.skipUnhealthy() ? "yes" : "no"),
                new Setting("Opt-out list", s.optOutList().map(l -> l.value()).orElse("the pool's own")),
                new Setting("Version", String.valueOf(p.version())));
    }
}
