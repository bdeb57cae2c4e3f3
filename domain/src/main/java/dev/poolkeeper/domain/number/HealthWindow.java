package dev.poolkeeper.domain.number;

import java.util.Objects;

/**
 * The recent delivery receipts of one number, oldest first, as {@code D} (delivered) and {@code F}
 * (not delivered), and the health they imply under a {@link HealthPolicy}.
 */
public record HealthWindow(String receipts) {
    public HealthWindow {
        Objects.requireNonNull(receipts, "receipts");
        if (!receipts.chars().allMatch(c -> c == 'D' || c == 'F')) {
            throw new IllegalArgumentException("a health window holds only D and F");
        }
    }

    public static HealthWindow empty() {
        return new HealthWindow("");
    }

    /** The window with one more receipt, the oldest dropped beyond the policy's size. */
    public HealthWindow add(boolean delivered, HealthPolicy policy) {
        String next = receipts + (delivered ? 'D' : 'F');
        return new HealthWindow(next.length() > policy.windowSize()
                ? next.substring(next.length() - policy.windowSize()) : next);
    }

    public double deliveredShare() {
        if (receipts.isEmpty()) {
            return 0;
        }
        return receipts.chars().filter(c -> c == 'D').count() / (double) receipts.length();
    }

    /** The health this window implies for a number that is {@code current} now. */
    public NumberHealth judge(NumberHealth current, HealthPolicy policy) {
        if (receipts.length() < policy.minReceipts()) {
            return current;
        }
        double share = deliveredShare();
        if (current == NumberHealth.UNHEALTHY) {
            return share >= policy.healthyFrom() ? NumberHealth.HEALTHY : NumberHealth.UNHEALTHY;
        }
        return share < policy.unhealthyBelow() ? NumberHealth.UNHEALTHY : NumberHealth.HEALTHY;
    }
}
