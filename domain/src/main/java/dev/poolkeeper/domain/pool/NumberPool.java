package dev.poolkeeper.domain.pool;

import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.shared.DomainException;
import dev.poolkeeper.domain.shared.ErrorCode;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The pool aggregate: a named group of sender numbers of one account and the settings that choose
 * among them. Members are not held here (a pool may have 100,000); the pool keeps their count and
 * providers, and {@link PoolMembership} decides who may join.
 */
public final class NumberPool {
    private final PoolId id;
    private final AccountId accountId;
    private PoolName name;
    private PoolStatus status;
    private final MessageType messageType;
    private PoolSettings settings;
    private long numberCount;
    private Set<Provider> providers;
    private long version;
    private final Instant createdAt;
    private Instant updatedAt;

    private NumberPool(PoolId id, AccountId accountId, PoolName name, PoolStatus status, MessageType messageType,
                       PoolSettings settings, long numberCount, Set<Provider> providers, long version,
                       Instant createdAt, Instant updatedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.name = Objects.requireNonNull(name, "name");
        this.status = Objects.requireNonNull(status, "status");
        this.messageType = Objects.requireNonNull(messageType, "messageType");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.numberCount = numberCount;
        this.providers = providers.isEmpty() ? EnumSet.noneOf(Provider.class) : EnumSet.copyOf(providers);
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A new, empty pool from a create request: the patch applied to the defaults; a name is required. */
    public static NumberPool create(AccountId accountId, PoolPatch spec, Instant now) {
        if (spec.name() == null || spec.name().isReset()) {
            throw DomainException.invalidField("name", "is required");
        }
        MessageType type = spec.messageType() == null || spec.messageType().isReset()
                ? MessageType.TRANSACTIONAL : spec.messageType().value();
        return new NumberPool(PoolId.newId(now), accountId, spec.name().value(), PoolStatus.ACTIVE, type,
                PoolSettings.defaults().apply(spec), 0, Set.of(), 1, now, now);
    }

    /** For the persistence mapper only. */
    public static NumberPool reconstitute(PoolId id, AccountId accountId, PoolName name, PoolStatus status,
                                          MessageType messageType, PoolSettings settings, long numberCount,
                                          Set<Provider> providers, long version, Instant createdAt,
                                          Instant updatedAt) {
        return new NumberPool(id, accountId, name, status, messageType, settings, numberCount, providers, version,
                createdAt, updatedAt);
    }

    /**
     * Applies a merge patch. The message type can be repeated but not changed. Returns false, and
     * changes nothing, when the patch leaves every field as it was.
     */
    public boolean update(PoolPatch patch, Instant now) {
        if (patch.messageType() != null && patch.messageType().value() != messageType) {
            throw new DomainException(ErrorCode.POOL_MESSAGE_TYPE_IMMUTABLE,
                    "message_type is fixed when the pool is created (it is " + messageType.wireName() + ")");
        }
        if (patch.name() != null && patch.name().isReset()) {
            throw DomainException.invalidField("name", "cannot be removed");
        }
        PoolName newName = patch.name() == null ? name : patch.name().value();
        PoolSettings newSettings = settings.apply(patch);
        if (newName.equals(name) && newSettings.equals(settings)) {
            return false;
        }
        this.name = newName;
        this.settings = newSettings;
        this.version++;
        this.updatedAt = now;
        return true;
    }

    /** The one answer for a pool that does not exist or belongs to another account: they look the same. */
    public static DomainException notFound(PoolId id) {
        return new DomainException(ErrorCode.POOL_NOT_FOUND, "no pool " + id);
    }

    public void ensureDeletable() {
        if (settings.deletionProtectionEnabled()) {
            throw new DomainException(ErrorCode.POOL_DELETION_PROTECTED,
                    "pool " + id + " has deletion protection; turn deletion_protection_enabled off first");
        }
    }

    /** Records the members' count and providers after they changed. Does not change the version. */
    public void membershipChanged(long newCount, Set<Provider> newProviders, Instant now) {
        this.numberCount = newCount;
        this.providers = newProviders.isEmpty() ? EnumSet.noneOf(Provider.class) : EnumSet.copyOf(newProviders);
        this.updatedAt = now;
    }

    /** The settable state in API field names, as recorded in the pool's events. */
    public Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name.value());
        s.put("message_type", messageType.wireName());
        s.put("fallback", settings.fallback().wireName());
        s.put("custom_from", settings.customFromSender().map(CustomFrom::value).orElse(null));
        s.put("localized_sender_preferred", settings.localizedSenderPreferred());
        s.put("geomatch", settings.geomatch());
        s.put("sticky_sender", settings.stickySender());
        s.put("sticky_ttl_days", settings.stickyTtlDays());
        s.put("long_code_weight", settings.longCodeWeight());
        s.put("toll_free_weight", settings.tollFreeWeight());
        s.put("skip_unhealthy", settings.skipUnhealthy());
        s.put("two_way_enabled", settings.twoWayEnabled());
        s.put("self_managed_opt_outs_enabled", settings.selfManagedOptOutsEnabled());
        s.put("opt_out_list_name", settings.optOutList().map(OptOutListName::value).orElse(null));
        s.put("shared_routes_enabled", settings.sharedRoutesEnabled());
        s.put("deletion_protection_enabled", settings.deletionProtectionEnabled());
        return s;
    }

    public PoolId id() {
        return id;
    }

    public AccountId accountId() {
        return accountId;
    }

    public PoolName name() {
        return name;
    }

    public PoolStatus status() {
        return status;
    }

    public MessageType messageType() {
        return messageType;
    }

    /**
     * The key of the opt-out list this pool uses: the account's named list ({@code list:<name>}), or
     * else a list of its own ({@code pool:<pool id>}).
     */
    public String optOutListKey() {
        return settings.optOutList().map(name -> "list:" + name.value()).orElse("pool:" + id.value());
    }

    public PoolSettings settings() {
        return settings;
    }

    public long numberCount() {
        return numberCount;
    }

    public Set<Provider> providers() {
        return Collections.unmodifiableSet(providers);
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
