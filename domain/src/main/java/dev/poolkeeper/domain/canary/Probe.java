package dev.poolkeeper.domain.canary;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.shared.WireName;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One delivery probe: a message with a unique code sent from one of a pool's numbers to a canary inbox, and
 * whether the code arrived there before the deadline.
 *
 * <ul>
 *   <li>{@code sent}: handed to the provider, awaited in the inbox;</li>
 *   <li>{@code delivered}: the code arrived ({@link #latency()} from send to arrival);</li>
 *   <li>{@code lost}: it did not arrive by the deadline while another number's probe reached the same inbox —
 *   the number's failure, counted in its health;</li>
 *   <li>{@code inconclusive}: it did not arrive, and nothing showed the inbox receives anything, or the inbox
 *   could no longer be read — nobody's failure, not counted;</li>
 *   <li>{@code failed}: the provider did not take it.</li>
 * </ul>
 */
public record Probe(ProbeId id, AccountId accountId, PoolId poolId, CanaryInboxId inboxId, PhoneNumber from,
                    Provider provider, String code, Status status, Optional<String> detail, Instant sentAt,
                    Instant deadline, Optional<Instant> arrivedAt) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final Pattern CODE = Pattern.compile("\\bPK-[" + CODE_ALPHABET + "]{8}\\b");

    public enum Status implements WireName {
        SENT, DELIVERED, LOST, INCONCLUSIVE, FAILED;

        public boolean settled() {
            return this != SENT;
        }
    }

    public Probe {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(poolId, "poolId");
        Objects.requireNonNull(inboxId, "inboxId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(arrivedAt, "arrivedAt");
    }

    /** A fresh code: {@code PK-} and eight characters no one confuses (no 0/O, 1/I). */
    public static String newCode() {
        StringBuilder code = new StringBuilder("PK-");
        for (int i = 0; i < 8; i++) {
            code.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return code.toString();
    }

    /** The probe codes in a received text (only these are kept; the rest of the text is not). */
    public static java.util.List<String> codesIn(String text) {
        java.util.List<String> codes = new java.util.ArrayList<>();
        Matcher m = CODE.matcher(text == null ? "" : text.toUpperCase(Locale.ROOT));
        while (m.find()) {
            codes.add(m.group());
        }
        return codes;
    }

    /** The text the probe sends. */
    public String text() {
        return "Poolkeeper delivery check " + code;
    }

    public static Probe sent(AccountId account, PoolId pool, CanaryInboxId inbox, PhoneNumber from,
                             Provider provider, Instant at, Duration deadline) {
        return new Probe(ProbeId.newId(at), account, pool, inbox, from, provider, newCode(), Status.SENT,
                Optional.empty(), at, at.plus(deadline), Optional.empty());
    }

    public Probe failed(String why) {
        return with(Status.FAILED, Optional.of(why), Optional.empty());
    }

    public Probe delivered(Instant at) {
        return with(Status.DELIVERED, Optional.empty(), Optional.of(at));
    }

    public Probe lost() {
        return with(Status.LOST, Optional.of("the code did not reach the inbox by the deadline, while another"
                + " number's probe did"), Optional.empty());
    }

    public Probe inconclusive(String why) {
        return with(Status.INCONCLUSIVE, Optional.of(why), Optional.empty());
    }

    private Probe with(Status newStatus, Optional<String> newDetail, Optional<Instant> newArrivedAt) {
        return new Probe(id, accountId, poolId, inboxId, from, provider, code, newStatus, newDetail, sentAt, deadline,
                newArrivedAt);
    }

    /** From send to arrival, when it arrived (never negative: clocks differ). */
    public Optional<Duration> latency() {
        return arrivedAt.map(at -> at.isBefore(sentAt) ? Duration.ZERO : Duration.between(sentAt, at));
    }
}
