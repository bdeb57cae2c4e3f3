package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spaces the sends of each number on this instance as they go out, so the provider never sees a number above
 * its rate in any one-second window. Two rules, both per number:
 * <ul>
 *   <li>spacing: a send goes no earlier than the previous one's slot plus the number's shaped spacing (1/rate
 *       at {@link SendBudgets#SHAPING}), whenever its token was taken or its thread got to run;</li>
 *   <li>the window: with n = the number's carrier rate in whole messages a second (at least 1), a send starts
 *       no earlier than one second after the send n places before it <em>returned</em>. That send reached the
 *       provider before it returned and this one reaches it after it starts, so any n + 1 sends are more than
 *       a second apart at the provider, whatever the network and the scheduler did in between. It costs the
 *       round trip of one send in every n: nothing at 20/s, the round trip at 1/s.</li>
 * </ul>
 * A caller reserves a slot with {@link #awaitSlot}, sends, and reports the send's return on the {@link Slot}
 * (also when the send failed: a slot never reported holds its number's window for at most
 * {@link #LOST_SLOT_MILLIS}).
 */
public final class SendPacing {
    /** How long a slot whose return is never reported keeps the next one waiting. */
    static final long LOST_SLOT_MILLIS = 60_000;
    private static final long WINDOW_MILLIS = 1_000;

    /** Waits; {@link Thread#sleep} in service, nothing in tests that move a clock of their own. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** A reserved send: report when it returned. */
    public interface Slot {
        void returned();
    }

    private final SendBudgets budgets;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ConcurrentHashMap<PhoneNumber, Lane> lanes = new ConcurrentHashMap<>();

    public SendPacing(SendBudgets budgets, Clock clock, Sleeper sleeper) {
        this.budgets = budgets;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    private static long spacing(double rate) {
        return (long) Math.ceil(1000.0 / (rate * SendBudgets.SHAPING));
    }

    private static int window(double rate) {
        return Math.max(1, (int) Math.floor(rate));
    }

    /**
     * Whether a send of the number reserved now would go within one spacing: not while the send its window
     * waits for is still on its way, nor while the previous slot or that send's second holds it further off.
     * The dispatcher claims a number's message only then, so slow round trips (a provider far away) slow the
     * number's claims with its sends instead of piling claimed messages up behind its pacing.
     */
    public boolean ready(PhoneNumber number, NumberType type) {
        Lane lane = lanes.get(number);
        if (lane == null) {
            return true;
        }
        double rate = budgets.rate(number, type);
        long spacing = spacing(rate);
        synchronized (lane) {
            long earliest = lane.earliest(spacing, window(rate));
            return earliest >= 0 && earliest <= clock.millis() + spacing;
        }
    }

    /** Reserves the number's next slot, waits until it comes, and returns it to be reported when the send returns. */
    public Slot awaitSlot(PhoneNumber number, NumberType type) {
        double rate = budgets.rate(number, type);
        long spacing = spacing(rate);
        int window = window(rate);
        Lane lane = lanes.computeIfAbsent(number, n -> new Lane());
        Lane.Send send;
        long slot;
        synchronized (lane) {
            if (lane.recent.size() >= window) {
                lane.awaitReturn(lane.recent.peekFirst(), clock);
            }
            slot = Math.max(clock.millis(), lane.earliest(spacing, window));
            while (lane.recent.size() >= window) {
                lane.recent.pollFirst();
            }
            lane.lastSlot = slot;
            send = new Lane.Send(lane, slot);
            lane.recent.addLast(send);
        }
        long wait = slot - clock.millis();
        if (wait > 0) {
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return () -> send.returned(clock.millis());
    }

    /** One number's sends: the last slot given, and the sends of its window (oldest first). */
    private static final class Lane {
        long lastSlot = Long.MIN_VALUE / 2;
        final ArrayDeque<Send> recent = new ArrayDeque<>();

        /**
         * The earliest a send reserved now may go: a spacing after the last slot, and a second after the send
         * {@code window} places back returned; -1 while that send is still on its way.
         */
        long earliest(long spacing, int window) {
            long earliest = lastSlot + spacing;
            if (recent.size() >= window) {
                Send oldest = recent.peekFirst();
                if (oldest.returnedAt < 0) {
                    return -1;
                }
                earliest = Math.max(earliest, oldest.returnedAt + WINDOW_MILLIS);
            }
            return earliest;
        }

        /**
         * Waits while the send is on its way (the lane's monitor is released); one never reported after
         * {@link #LOST_SLOT_MILLIS} is taken to have returned then.
         */
        void awaitReturn(Send send, Clock clock) {
            long giveUpAt = send.slot + LOST_SLOT_MILLIS;
            while (send.returnedAt < 0) {
                long left = giveUpAt - clock.millis();
                if (left <= 0) {
                    send.returnedAt = clock.millis();
                    return;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    send.returnedAt = clock.millis();
                    return;
                }
            }
        }

        private static final class Send {
            final Lane lane;
            final long slot;
            long returnedAt = -1;

            Send(Lane lane, long slot) {
                this.lane = lane;
                this.slot = slot;
            }

            void returned(long at) {
                synchronized (lane) {
                    if (returnedAt < 0) {
                        returnedAt = at;
                        lane.notifyAll();
                    }
                }
            }
        }
    }
}
