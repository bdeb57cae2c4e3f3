package dev.poolkeeper.domain.selection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where an alphanumeric sender (a pool's {@code custom_from}) may be used: not in the countries whose
 * carriers reject it (the US and Canada among them). The list is data, with its sources, in
 * {@code alphanumeric-sender-not-allowed.txt} beside this class; an operator may replace it.
 */
public final class AlphanumericSenderPolicy {
    private static final AlphanumericSenderPolicy PUBLISHED = new AlphanumericSenderPolicy(load());

    private final Set<String> notAllowed;

    private AlphanumericSenderPolicy(Collection<String> notAllowed) {
        Set<String> codes = new TreeSet<>();
        for (String code : notAllowed) {
            String c = code.trim().toUpperCase(Locale.ROOT);
            if (!c.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("'" + code + "' is not an ISO 3166-1 alpha-2 country code");
            }
            codes.add(c);
        }
        this.notAllowed = Set.copyOf(codes);
    }

    /** The published list. */
    public static AlphanumericSenderPolicy published() {
        return PUBLISHED;
    }

    /** An operator's own list of the countries where alphanumeric senders are not allowed. */
    public static AlphanumericSenderPolicy notAllowedIn(Collection<String> countries) {
        return new AlphanumericSenderPolicy(countries);
    }

    /** Whether a recipient in {@code country} (ISO 3166-1 alpha-2, as libphonenumber gives it) may get one. */
    public boolean allowsRecipientIn(String country) {
        return country != null && !notAllowed.contains(country.toUpperCase(Locale.ROOT));
    }

    public Set<String> notAllowed() {
        return notAllowed;
    }

    private static Set<String> load() {
        Set<String> codes = new TreeSet<>();
        try (InputStream in = AlphanumericSenderPolicy.class.getResourceAsStream("alphanumeric-sender-not-allowed.txt")) {
            if (in == null) {
                throw new IllegalStateException("alphanumeric-sender-not-allowed.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                String code = line.replaceFirst("#.*", "").trim();
                if (!code.isEmpty()) {
                    codes.add(code);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
