package dev.poolkeeper.application.service.provider;

import dev.poolkeeper.application.port.in.account.Caller;
import dev.poolkeeper.application.port.out.provider.ProviderConnectionRepository;
import dev.poolkeeper.application.port.out.provider.ProviderConnector;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionId;
import dev.poolkeeper.domain.provider.CredentialField;
import dev.poolkeeper.domain.provider.Credentials;
import dev.poolkeeper.domain.provider.ProviderConnection;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.FieldViolation;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the connection services share: the slices' connectors, the account-scoped lookup, the check of
 * credentials against the fields the provider takes, and the instance's rule on base URLs (an account may
 * point a connection elsewhere only where the instance allows it, so that no account can make Poolkeeper
 * call an internal address).
 */
public final class ProviderConnections {
    private final ProviderConnectionRepository repository;
    private final Map<Provider, ProviderConnector> connectors = new EnumMap<>(Provider.class);
    private final boolean baseUrlAllowed;

    public ProviderConnections(ProviderConnectionRepository repository, Collection<ProviderConnector> connectors,
                               boolean baseUrlAllowed) {
        this.repository = repository;
        connectors.forEach(c -> this.connectors.put(c.provider(), c));
        this.baseUrlAllowed = baseUrlAllowed;
    }

    public ProviderConnectionRepository repository() {
        return repository;
    }

    public ProviderConnector connector(Provider provider) {
        ProviderConnector connector = connectors.get(provider);
        if (connector == null) {
            throw DomainException.invalidField("provider", provider.wireName() + " takes no connections");
        }
        return connector;
    }

    public ProviderConnection require(Caller caller, ConnectionId id) {
        return repository.find(caller.accountId(), id).orElseThrow(() -> new DomainException(
                ErrorCode.PROVIDER_CONNECTION_NOT_FOUND, "no provider connection " + id.value()));
    }

    /** Credentials the provider takes, every required one present; 400 naming each field otherwise. */
    public Credentials credentials(Provider provider, Credentials credentials) {
        List<CredentialField> fields = connector(provider).credentialFields();
        Set<String> known = fields.stream().map(CredentialField::name).collect(Collectors.toSet());
        List<FieldViolation> violations = new ArrayList<>();
        credentials.fields().stream().filter(f -> !known.contains(f)).sorted().forEach(f -> violations.add(
                FieldViolation.invalid("credentials." + f, "is not a " + provider.wireName() + " credential (it takes "
                        + String.join(", ", fields.stream().map(CredentialField::name).toList()) + ")")));
        fields.stream().filter(f -> f.required() && credentials.get(f.name()).isEmpty()).forEach(f -> violations.add(
                FieldViolation.invalid("credentials." + f.name(), "is required: " + f.description())));
        fields.stream().filter(f -> credentials.get(f.name()).filter(v -> !f.accepts(v)).isPresent()).forEach(f ->
                violations.add(FieldViolation.invalid("credentials." + f.name(), "is one of "
                        + String.join(", ", f.allowed()))));
        if (!violations.isEmpty()) {
            throw new DomainException(ErrorCode.REQUEST_INVALID, "the credentials do not fit " + provider.wireName(),
                    violations);
        }
        return credentials;
    }

    /** A base URL the instance allows: an absolute http(s) URL with a host, and only where configured. */
    public Optional<String> baseUrl(Optional<String> baseUrl) {
        if (baseUrl.isEmpty()) {
            return baseUrl;
        }
        if (!baseUrlAllowed) {
            throw DomainException.invalidField("base_url", "this instance does not allow a connection's own base"
                    + " URL (poolkeeper.provider-connections.base-url-allowed)");
        }
        try {
            URI uri = URI.create(baseUrl.get());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("base_url", "must be an absolute http or https URL without user info");
        }
        return baseUrl;
    }

    public List<CredentialField> fields(Provider provider) {
        return connector(provider).credentialFields();
    }
}
