package dev.poolkeeper.application.service.provider;

import dev.poolkeeper.application.port.out.messaging.SmsPort;
import dev.poolkeeper.application.port.out.provider.ProviderConnectionRepository;
import dev.poolkeeper.application.port.out.provider.MessagingConnector;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ProviderCapabilities;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.ProviderConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The ports an account's calls go through: bound to the account's own connection at a provider when it
 * has one (its oldest for that provider), else the instance's configured ones. Which connection serves
 * an account is remembered for {@code ttl} (changes made on this instance apply at once); the ports built
 * for a connection are kept while the connection is unchanged.
 */
public final class ProviderPorts {
    private final Map<Provider, SmsPort> defaultSms = new EnumMap<>(Provider.class);
    private final Map<Provider, ProviderPoolPort> defaultPools = new EnumMap<>(Provider.class);
    private final Map<Provider, MessagingConnector> connectors = new EnumMap<>(Provider.class);
    private final ProviderConnectionRepository connections;
    private final UnaryOperator<SmsPort> smsDecorator;
    private final UnaryOperator<ProviderPoolPort> poolDecorator;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Serving> serving = new ConcurrentHashMap<>();
    private final Map<String, SmsPort> smsByConnection = new ConcurrentHashMap<>();
    private final Map<String, ProviderPoolPort> poolsByConnection = new ConcurrentHashMap<>();

    private record Serving(Optional<ProviderConnection> connection, Instant until) {
    }

    /**
     * @param smsDecorator  wraps every sender handed out (metering), the instance's and the connections' alike
     */
    public ProviderPorts(Collection<SmsPort> sms, Collection<ProviderPoolPort> pools,
                         Collection<MessagingConnector> connectors, ProviderConnectionRepository connections,
                         UnaryOperator<SmsPort> smsDecorator, UnaryOperator<ProviderPoolPort> poolDecorator,
                         Duration ttl, Clock clock) {
        sms.forEach(p -> defaultSms.put(p.provider(), smsDecorator.apply(p)));
        pools.forEach(p -> defaultPools.put(p.provider(), poolDecorator.apply(p)));
        connectors.forEach(c -> this.connectors.put(c.provider(), c));
        this.connections = connections;
        this.smsDecorator = smsDecorator;
        this.poolDecorator = poolDecorator;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The instance's ports only: for services and tests with no per-account connections. */
    public static ProviderPorts instanceOnly(Collection<SmsPort> sms, Collection<ProviderPoolPort> pools) {
        return new ProviderPorts(sms, pools, List.of(), null, UnaryOperator.identity(), UnaryOperator.identity(),
                Duration.ZERO, Clock.systemUTC());
    }

    /** What the provider can do, as its slice states it. */
    public Optional<ProviderCapabilities> capabilities(Provider provider) {
        return Optional.ofNullable(defaultPools.get(provider)).map(ProviderPoolPort::capabilities)
                .or(() -> Optional.ofNullable(defaultSms.get(provider)).map(SmsPort::capabilities));
    }

    /** The providers there is a sender for. */
    public Set<Provider> providers() {
        Set<Provider> all = EnumSet.noneOf(Provider.class);
        all.addAll(defaultSms.keySet());
        return all;
    }

    public Optional<SmsPort> sms(AccountId account, Provider provider) {
        return sms(account, provider, Optional.empty());
    }

    /** The sender through the named connection (numbers that belong to it), else as {@link #sms(AccountId, Provider)}. */
    public Optional<SmsPort> sms(AccountId account, Provider provider, Optional<ConnectionId> named) {
        Optional<ProviderConnection> own = connection(account, provider, named);
        if (own.isPresent()) {
            ProviderConnection c = own.get();
            return Optional.of(smsByConnection.computeIfAbsent(key(c), k -> smsDecorator.apply(connectors.get(provider)
                    .sms(c))));
        }
        return Optional.ofNullable(defaultSms.get(provider));
    }

    public Optional<ProviderPoolPort> pools(AccountId account, Provider provider) {
        return pools(account, provider, Optional.empty());
    }

    /** The pool port through the named connection, else as {@link #pools(AccountId, Provider)}. */
    public Optional<ProviderPoolPort> pools(AccountId account, Provider provider, Optional<ConnectionId> named) {
        Optional<ProviderConnection> own = connection(account, provider, named);
        if (own.isPresent()) {
            ProviderConnection c = own.get();
            return Optional.of(poolsByConnection.computeIfAbsent(key(c), k -> poolDecorator.apply(
                    connectors.get(provider).pools(c))));
        }
        return Optional.ofNullable(defaultPools.get(provider));
    }

    /** Every provider's sender for the account. */
    public List<SmsPort> sms(AccountId account) {
        List<SmsPort> all = new ArrayList<>();
        for (Provider p : providers()) {
            sms(account, p).ifPresent(all::add);
        }
        return all;
    }

    /** The providers whose numbers the account cannot send through: no credentials, its own or the instance's. */
    public Set<Provider> unavailable(AccountId account) {
        Set<Provider> unavailable = EnumSet.allOf(Provider.class);
        unavailable.removeIf(p -> !p.sends());
        for (Provider p : providers()) {
            if (sms(account, p).map(SmsPort::configured).orElse(false)) {
                unavailable.remove(p);
            }
        }
        return unavailable;
    }

    /** Forgets which connections serve the account: its connections changed. */
    public void forget(AccountId account) {
        serving.keySet().removeIf(k -> k.startsWith(account.value() + "/"));
    }

    /** The named connection when it is the account's and to the provider; else the serving one. */
    private Optional<ProviderConnection> connection(AccountId account, Provider provider,
                                                    Optional<ConnectionId> named) {
        if (connections == null || !connectors.containsKey(provider)) {
            return Optional.empty();
        }
        String key = account.value() + "/" + provider.wireName() + named.map(id -> "/" + id.value()).orElse("");
        Instant now = clock.instant();
        Serving cached = serving.get(key);
        if (cached == null || !now.isBefore(cached.until())) {
            Optional<ProviderConnection> found = named.flatMap(id -> connections.find(account, id))
                    .filter(c -> c.provider() == provider);
            cached = new Serving(found.isPresent() ? found : connections.serving(account, provider), now.plus(ttl));
            serving.put(key, cached);
        }
        return cached.connection();
    }

    private static String key(ProviderConnection c) {
        return c.id().value() + "@" + c.updatedAt().toEpochMilli() + "." + c.updatedAt().getNano();
    }
}
