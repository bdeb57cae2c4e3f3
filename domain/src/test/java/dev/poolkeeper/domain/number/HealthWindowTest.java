package dev.poolkeeper.domain.number;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HealthWindowTest {
    private static final HealthPolicy POLICY = new HealthPolicy(10, 5, 0.25, 0.5);

    private static HealthWindow of(String receipts) {
        HealthWindow w = HealthWindow.empty();
        for (char c : receipts.toCharArray()) {
            w = w.add(c == 'D', POLICY);
        }
        return w;
    }

    @Test
    void fewerReceiptsThanTheMinimumJudgeNothing() {
        assertEquals(NumberHealth.UNKNOWN, of("FFFF").judge(NumberHealth.UNKNOWN, POLICY));
        assertEquals(NumberHealth.UNHEALTHY, of("FFFF").add(false, POLICY).judge(NumberHealth.UNKNOWN, POLICY));
    }

    @Test
    void belowTheThresholdIsUnhealthyAndRecoveryNeedsTheHigherLine() {
        HealthWindow w = of("DFFFFFFFFF");
        assertEquals(0.1, w.deliveredShare(), 1e-9);
        assertEquals(NumberHealth.UNHEALTHY, w.judge(NumberHealth.HEALTHY, POLICY));
        HealthWindow between = of("DDDDFFFFFF");
        assertEquals(NumberHealth.UNHEALTHY, between.judge(NumberHealth.UNHEALTHY, POLICY),
                "40% is above 25% but below the 50% needed to recover: no flapping");
        assertEquals(NumberHealth.HEALTHY, between.judge(NumberHealth.HEALTHY, POLICY));
        assertEquals(NumberHealth.HEALTHY, of("DDDDDFFFFF").judge(NumberHealth.UNHEALTHY, POLICY));
    }

    @Test
    void theWindowKeepsOnlyTheNewestReceipts() {
        HealthWindow w = of("FFFFFFFFFFDDDDDDDDDD");
        assertEquals("DDDDDDDDDD", w.receipts());
    }

    @Test
    void aPolicyOutOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HealthPolicy(10, 11, 0.25, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new HealthPolicy(10, 5, 0.6, 0.5));
    }
}
