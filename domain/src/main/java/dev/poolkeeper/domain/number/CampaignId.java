package dev.poolkeeper.domain.number;

import java.util.Objects;
import java.util.regex.Pattern;

/** A 10DLC campaign id (The Campaign Registry ids look like {@code CABC123}). */
public record CampaignId(String value) {
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public CampaignId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1-64 characters [A-Za-z0-9_-]");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
