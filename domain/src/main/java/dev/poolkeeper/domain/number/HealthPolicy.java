package dev.poolkeeper.domain.number;

/**
 * How delivery receipts turn into a number's health: over the last {@code windowSize} receipts, and
 * only once there are at least {@code minReceipts}, a delivered share below {@code unhealthyBelow}
 * makes the number unhealthy (Telnyx documents 25%); an unhealthy number is healthy again only at
 * {@code healthyFrom} or more, so a number near the line does not flap.
 */
public record HealthPolicy(int windowSize, int minReceipts, double unhealthyBelow, double healthyFrom) {
    public HealthPolicy {
        if (windowSize < 1 || windowSize > 100) {
            throw new IllegalArgumentException("windowSize must be 1..100");
        }
        if (minReceipts < 1 || minReceipts > windowSize) {
            throw new IllegalArgumentException("minReceipts must be 1..windowSize");
        }
        if (unhealthyBelow < 0 || healthyFrom > 1 || healthyFrom < unhealthyBelow) {
            throw new IllegalArgumentException("need 0 <= unhealthyBelow <= healthyFrom <= 1");
        }
    }

    public static HealthPolicy defaults() {
        return new HealthPolicy(20, 10, 0.25, 0.5);
    }
}
