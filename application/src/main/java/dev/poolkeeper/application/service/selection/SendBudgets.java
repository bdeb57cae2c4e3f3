package dev.poolkeeper.application.service.selection;

import dev.poolkeeper.application.port.out.selection.SharedSendBudget;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.selection.Candidate;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-number send budgets: a token bucket per sender, refilled at {@value #SHAPING} of its rate (carriers'
 * typical defaults: long code 1 message/s, toll-free 20/s) and holding one message plus
 * {@value #TOLERANCE_SECONDS} s of refill, so a dispatcher that claims a number's message up to that late
 * loses none of its rate, and over any stretch of time a number is given no more than its rate. Within a
 * second, the provider's view is held by {@link SendPacing}, which spaces the claimed sends as they go out.
 * When budgets are shared ({@link Sharing}), the bucket every instance shares decides; this
 * instance's bucket then only spares the shared one questions it already knows the answer to: it is never
 * fuller than the shared one (it counts this instance's sends only), and is emptied when the shared one
 * says no, so a number out of budget is asked about again only after its refill time. Otherwise each
 * instance has its own buckets (N instances would give a number N times its rate). Dry runs ask only this
 * instance's bucket.
 */
public final class SendBudgets {
    /** The share of a number's carrier rate that is used. */
    public static final double SHAPING = 0.98;
    /** How late a claim may come after its token without losing it: the burst a bucket holds beyond one message. */
    public static final double TOLERANCE_SECONDS = 0.25;

    private final Clock clock;
    private final Map<NumberType, Double> perSecond;
    private final Map<PhoneNumber, Double> perNumber;
    private final Optional<SharedSendBudget> shared;
    private final Sharing sharing;
    private volatile int instancesAlive = 1;
    private final ConcurrentHashMap<PhoneNumber, Bucket> buckets = new ConcurrentHashMap<>();

    /** When the shared budget is used: never, always, or while more than one instance is alive. */
    public enum Sharing {
        LOCAL, SHARED, AUTO
    }

    public SendBudgets(Map<NumberType, Double> perSecond, Clock clock) {
        this(perSecond, Map.of(), Optional.empty(), Sharing.LOCAL, clock);
    }

    /**
     * Rates per type, and per number where a carrier gave a number its own (a number's own rate wins);
     * taken from {@code shared} as {@code sharing} says.
     */
    public SendBudgets(Map<NumberType, Double> perSecond, Map<PhoneNumber, Double> perNumber,
                       Optional<SharedSendBudget> shared, Sharing sharing, Clock clock) {
        if (sharing != Sharing.LOCAL && shared.isEmpty()) {
            throw new IllegalArgumentException("sharing " + sharing + " needs a shared budget");
        }
        this.perSecond = new EnumMap<>(perSecond);
        this.perNumber = Map.copyOf(perNumber);
        this.perSecond.values().forEach(SendBudgets::checkRate);
        this.perNumber.values().forEach(SendBudgets::checkRate);
        this.shared = shared;
        this.sharing = sharing;
        this.clock = clock;
    }

    /** How many instances are alive (this one included), as their heartbeats say. */
    public void instancesAlive(int count) {
        instancesAlive = count;
    }

    /** Whether a real decision takes its token from the budget all instances share. */
    public boolean shared() {
        return sharing == Sharing.SHARED || (sharing == Sharing.AUTO && instancesAlive > 1);
    }

    private static void checkRate(double rate) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("a send rate must be above 0 messages a second");
        }
    }

    /**
     * Reads per-number rates written {@code +14155550100=5, +18005550100=40}; throws naming the entry
     * that is not a number and a rate.
     */
    public static Map<PhoneNumber, Double> parsePerNumber(String spec) {
        Map<PhoneNumber, Double> rates = new java.util.HashMap<>();
        if (spec == null || spec.isBlank()) {
            return rates;
        }
        for (String entry : spec.split(",")) {
            String[] parts = entry.trim().split("=");
            try {
                rates.put(PhoneNumber.parse(parts[0].trim()), Double.parseDouble(parts[1].trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("send budget entry '" + entry.trim()
                        + "' is not <E.164 number>=<messages per second>", e);
            }
        }
        return rates;
    }

    public static Map<NumberType, Double> carrierDefaults() {
        Map<NumberType, Double> rates = new EnumMap<>(NumberType.class);
        rates.put(NumberType.LONG_CODE, 1.0);
        rates.put(NumberType.TOLL_FREE, 20.0);
        return rates;
    }

    /** Takes a token if the number has one. */
    public boolean tryTake(Candidate c) {
        return tryTake(c.number(), c.type());
    }

    /** Takes a token if the number (of the type given) has one. */
    public boolean tryTake(PhoneNumber number, NumberType type) {
        Bucket local = bucket(number, type);
        if (!local.take(clock.millis(), true)) {
            return false;
        }
        if (!shared() || shared.get().tryTake(number, local.rate, local.capacity, clock.instant())) {
            return true;
        }
        local.empty();
        return false;
    }

    /** Puts back the token a send took when the send never reached the provider. */
    public void giveBack(PhoneNumber number) {
        Bucket local = buckets.get(number);
        if (local == null) {
            return;
        }
        local.giveBack();
        if (shared()) {
            shared.get().giveBack(number, local.capacity);
        }
    }

    /** Whether the number has a token, taking nothing (dry runs). */
    public boolean hasCapacity(Candidate c) {
        return bucket(c).take(clock.millis(), false);
    }

    private Bucket bucket(Candidate c) {
        return bucket(c.number(), c.type());
    }

    private Bucket bucket(PhoneNumber number, NumberType type) {
        return buckets.computeIfAbsent(number, n -> new Bucket(rate(number, type), clock.millis()));
    }

    /** The number's carrier rate in messages a second: its own, else its type's. */
    public double rate(PhoneNumber number, NumberType type) {
        return perNumber.getOrDefault(number, perSecond.getOrDefault(type, 1.0));
    }

    private static final class Bucket {
        private final double rate;
        private final double capacity;
        private double tokens;
        private long at;

        Bucket(double carrierRate, long now) {
            this.rate = carrierRate * SHAPING;
            this.capacity = 1.0 + rate * TOLERANCE_SECONDS;
            this.tokens = capacity;
            this.at = now;
        }

        synchronized boolean take(long now, boolean consume) {
            tokens = Math.min(capacity, tokens + (now - at) / 1000.0 * rate);
            at = now;
            if (tokens < 1.0) {
                return false;
            }
            if (consume) {
                tokens -= 1.0;
            }
            return true;
        }

        synchronized void empty() {
            tokens = 0;
        }

        synchronized void giveBack() {
            tokens = Math.min(capacity, tokens + 1.0);
        }
    }
}
