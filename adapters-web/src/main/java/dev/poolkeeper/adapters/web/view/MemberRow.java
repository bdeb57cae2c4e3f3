package dev.poolkeeper.adapters.web.view;

import dev.poolkeeper.application.port.in.number.ListMemberDetailsUseCase.MemberDetail;
import dev.poolkeeper.domain.number.PoolMember;
import java.time.Instant;
import java.util.Locale;

/**
 * A number of a pool, as the pool page lists it: with the delivered share its health is judged on
 * ({@code 92 % of 50}), until when an unhealthy number rests (null otherwise), and its send budget.
 */
public record MemberRow(String number, String provider, String type, String country, String health, String share,
                        Instant restsUntil, String budget, int weight, Instant addedAt) {

    public static MemberRow of(MemberDetail d) {
        PoolMember m = d.member();
        int receipts = d.window().receipts().length();
        String share = receipts == 0 ? "no receipts yet"
                : Math.round(d.window().deliveredShare() * 100) + " % of " + receipts;
        return new MemberRow(m.number().e164(), m.provider().wireName(), m.type().wireName(), m.country(),
                m.health().wireName(), share, d.restsUntil().orElse(null), rate(d.messagesPerSecond()), m.weight(),
                m.addedAt());
    }

    private static String rate(double perSecond) {
        return (perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond)
                : String.format(Locale.ROOT, "%.2f", perSecond)) + "/s";
    }
}
