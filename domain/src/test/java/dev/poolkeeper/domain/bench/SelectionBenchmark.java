package dev.poolkeeper.domain.bench;

import dev.poolkeeper.domain.number.CampaignId;
import dev.poolkeeper.domain.number.NumberHealth;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.number.PoolMember;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.pool.Fallback;
import dev.poolkeeper.domain.pool.PoolSettings;
import dev.poolkeeper.domain.selection.Decision;
import dev.poolkeeper.domain.selection.PoolIndex;
import dev.poolkeeper.domain.selection.SelectionRequest;
import dev.poolkeeper.domain.selection.SenderSelector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One sender decision against a pool of 100, 10,000, 100,000 and 1,000,000 members (US long codes across 100
 * area codes, 10 % toll-free, 5 % unhealthy), for the weighted path and for geomatch with
 * skip_unhealthy. The index is built once per trial, as the service builds it once per change.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SelectionBenchmark {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Param({"100", "10000", "100000", "1000000"})
    public int poolSize;

    private PoolIndex index;
    private PoolSettings weighted;
    private PoolSettings geomatch;
    private PhoneNumber[] recipients;
    private int next;

    /** The first 100 area codes that libphonenumber accepts as US. */
    private static List<Integer> usAreaCodes() {
        List<Integer> codes = new ArrayList<>();
        for (int npa = 201; npa < 1000 && codes.size() < 100; npa++) {
            try {
                PhoneNumber n = PhoneNumber.parse("+1" + npa + "2000000");
                if (n.country().equals("US") && !n.isTollFree()) {
                    codes.add(npa);
                }
            } catch (RuntimeException notValid) {
                // not an assigned US area code
            }
        }
        return codes;
    }

    @Setup(Level.Trial)
    public void buildPool() {
        List<Integer> areas = usAreaCodes();
        List<PoolMember> members = new ArrayList<>(poolSize);
        CampaignId campaign = new CampaignId("CBENCH1");
        for (int i = 0; i < poolSize; i++) {
            boolean tollFree = i % 10 == 9;
            PhoneNumber n = tollFree ? PhoneNumber.parse(String.format("+1800%03d%04d", 200 + (i / 10_000) % 800,
                    i % 10_000))
                    : PhoneNumber.parse(String.format("+1%03d%03d%04d", areas.get(i % areas.size()),
                    200 + (i / 10_000) % 800, i % 10_000));
            members.add(new PoolMember(n, Provider.TELNYX, tollFree ? NumberType.TOLL_FREE : NumberType.LONG_CODE,
                    n.country(), tollFree ? null : campaign, false, 1 + i % 3,
                    i % 20 == 0 ? NumberHealth.UNHEALTHY : NumberHealth.HEALTHY, NOW));
        }
        index = PoolIndex.of(members);
        weighted = new PoolSettings(Fallback.POOL, null, false, false, false, 30, 5, 1, false, false, false, null,
                false, false);
        geomatch = new PoolSettings(Fallback.POOL, null, true, true, false, 30, 5, 1, true, false, false, null,
                false, false);
        recipients = new PhoneNumber[1024];
        for (int i = 0; i < recipients.length; i++) {
            recipients[i] = PhoneNumber.parse(String.format("+1%03d555%04d", areas.get(i % areas.size()), i));
        }
    }

    @Benchmark
    public Decision weightedDecision() {
        return SenderSelector.select(new SelectionRequest(weighted, index, recipients[next++ & 1023], false,
                Optional.empty(), c -> true, NOW));
    }

    @Benchmark
    public Decision geomatchDecision() {
        return SenderSelector.select(new SelectionRequest(geomatch, index, recipients[next++ & 1023], false,
                Optional.empty(), c -> true, NOW));
    }
}
