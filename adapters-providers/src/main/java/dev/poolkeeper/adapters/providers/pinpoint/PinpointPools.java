package dev.poolkeeper.adapters.providers.pinpoint;

import dev.poolkeeper.adapters.providers.VendorPort;
import dev.poolkeeper.application.port.out.sync.PartRef;
import dev.poolkeeper.application.port.out.sync.ProviderPoolPort;
import dev.poolkeeper.application.port.out.ProviderFailure;
import dev.poolkeeper.application.port.out.sync.ProviderSyncException;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.provider.ConnectionCheck;
import dev.poolkeeper.domain.shared.ErrorCode;
import dev.poolkeeper.domain.shared.Hashes;
import dev.poolkeeper.domain.sync.ObservedPart;
import dev.poolkeeper.domain.sync.PoolDialect;
import dev.poolkeeper.domain.sync.SyncOperation;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.PinpointSmsVoiceV2Client;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ConflictException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.CreatePoolResponse;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.DescribeOptedOutNumbersResponse;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.DescribePhoneNumbersResponse;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ListPoolOriginationIdentitiesResponse;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.PoolInformation;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.PoolStatus;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.ResourceNotFoundException;
import software.amazon.awssdk.services.pinpointsmsvoicev2.model.Tag;

/**
 * AWS End User Messaging SMS (Pinpoint SMS v2) pools through the SDK. Numbers are origination identities
 * named by their PhoneNumberId, found with {@code DescribePhoneNumbers} and cached. {@code CreatePool}
 * carries the pool's first number, its fixed {@code MessageType}, and the Poolkeeper pool id as
 * {@code ClientToken} (so a create repeated after a crash returns the same pool) and as a tag. Every call
 * waits its turn under a client-side limiter (1 request a second by default, the documented quota);
 * {@code ThrottlingException} and 5xx are retryable.
 */
@Singleton
final class PinpointPools extends VendorPort implements ProviderPoolPort {
    static final String TAG = "poolkeeper-pool-id";

    /**
     * How AWS refuses credentials: with HTTP 400 and one of these codes (an unknown key, a bad signature, an
     * expired session, or a key whose policy denies the call), never 401.
     */
    private static final Set<String> CREDENTIALS_REFUSED = Set.of("UnrecognizedClientException",
            "InvalidSignatureException", "IncompleteSignature", "MissingAuthenticationToken", "ExpiredTokenException",
            "InvalidClientTokenId", "AccessDeniedException");

    private final PinpointSmsVoiceV2Client client;
    private final long minIntervalNanos;
    private final Map<String, String> phoneNumberIds = new ConcurrentHashMap<>();
    private long nextCallAt;

    PinpointPools(PinpointClient client,
                  @Value("${poolkeeper.providers.pinpoint.management-requests-per-second:1}") double perSecond) {
        super(Provider.PINPOINT, PinpointDialect.CAPABILITIES, client.get().isPresent());
        this.client = client.get().orElse(null);
        this.minIntervalNanos = (long) (1_000_000_000L / perSecond);
    }

    private static final java.util.regex.Pattern POOL_ID = java.util.regex.Pattern.compile(
            "pool-[0-9a-f]{32}|arn:aws[a-z-]*:sms-voice:[a-z0-9-]+:[0-9]{12}:pool/pool-[0-9a-f]{32}");

    /** AWS names a pool {@code pool-} and 32 hex digits, or by its ARN. */
    @Override
    public PoolDialect dialect() {
        return PinpointDialect.INSTANCE;
    }

    @Override
    public boolean isPoolId(String id) {
        return POOL_ID.matcher(id).matches();
    }

    @Override
    public String poolIdShape() {
        return "pool- and 32 hexadecimal digits, or the pool's ARN";
    }

    @Override
    public Optional<ObservedPart> read(PartRef part) {
        if (part.providerPoolId().isEmpty()) {
            return Optional.empty();
        }
        String poolId = part.providerPoolId().get();
        PoolInformation pool;
        try {
            pool = call(() -> client.describePools(r -> r.poolIds(poolId))).pools().get(0);
        } catch (NotFound e) {
            return Optional.empty();
        }
        if (pool.status() == PoolStatus.CREATING) {
            throw stillCreating(poolId);
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("TwoWayEnabled", pool.twoWayEnabled());
        settings.put("SelfManagedOptOutsEnabled", pool.selfManagedOptOutsEnabled());
        settings.put("OptOutListName", pool.optOutListName());
        settings.put("SharedRoutesEnabled", pool.sharedRoutesEnabled());
        settings.put("DeletionProtectionEnabled", pool.deletionProtectionEnabled());
        settings.put("MessageType", pool.messageTypeAsString());
        Set<PhoneNumber> numbers = new HashSet<>();
        String next = null;
        do {
            String token = next;
            ListPoolOriginationIdentitiesResponse page = call(() -> client.listPoolOriginationIdentities(r -> r
                    .poolId(poolId).maxResults(100).nextToken(token)));
            page.originationIdentities().forEach(o -> {
                if (o.phoneNumber() != null) {
                    numbers.add(PhoneNumber.parse(o.phoneNumber()));
                    phoneNumberIds.put(o.phoneNumber(), o.originationIdentity());
                }
            });
            next = page.nextToken();
        } while (next != null);
        return Optional.of(new ObservedPart(pool.poolId(), settings, numbers, optedOut(pool.optOutListName())));
    }

    /** The numbers on an opt-out list, every page; none when the list does not exist. */
    private Set<PhoneNumber> optedOut(String list) {
        Set<PhoneNumber> numbers = new HashSet<>();
        if (list == null) {
            return numbers;
        }
        String next = null;
        try {
            do {
                String token = next;
                DescribeOptedOutNumbersResponse page = call(() -> client.describeOptedOutNumbers(r -> r
                        .optOutListName(list).maxResults(100).nextToken(token)));
                page.optedOutNumbers().forEach(o -> numbers.add(PhoneNumber.parse(o.optedOutNumber())));
                next = page.nextToken();
            } while (next != null);
        } catch (NotFound e) {
            return Set.of();
        }
        return numbers;
    }

    @Override
    public Applied apply(PartRef part, SyncOperation op) {
        switch (op.kind()) {
            case CREATE_POOL -> {
                PhoneNumber first = op.numbers().get(0);
                String identity = phoneNumberId(first);
                CreatePoolResponse created = call(() -> client.createPool(r -> r.originationIdentity(identity)
                        .isoCountryCode(first.country())
                        .messageType(String.valueOf(op.settings().get("MessageType")))
                        .deletionProtectionEnabled(Boolean.TRUE.equals(op.settings().get("DeletionProtectionEnabled")))
                        .clientToken(part.poolId().value())
                        .tags(Tag.builder().key(TAG).value(part.poolId().value()).build())));
                if (created.status() != PoolStatus.ACTIVE) {
                    awaitActive(created.poolId());
                }
                updateIfNotDefault(created.poolId(), op.settings());
                return Applied.created(created.poolId());
            }
            case UPDATE_POOL -> {
                update(id(part), op.settings());
                return Applied.done();
            }
            case DISABLE_DELETION_PROTECTION -> {
                update(id(part), Map.of("DeletionProtectionEnabled", false));
                return Applied.done();
            }
            case ADD_NUMBERS -> {
                String poolId = id(part);
                for (PhoneNumber number : op.numbers()) {
                    String identity;
                    try {
                        identity = phoneNumberId(number);
                    } catch (NotFound e) {
                        return new Applied(Optional.empty(), List.of(number), e.getMessage());
                    }
                    try {
                        call(() -> client.associateOriginationIdentity(r -> r.poolId(poolId)
                                .originationIdentity(identity).isoCountryCode(number.country())
                                .clientToken(clientToken("associate", poolId + ":" + identity))));
                    } catch (NotFound e) {
                        return new Applied(Optional.empty(), List.of(number), e.getMessage());
                    }
                }
                return Applied.done();
            }
            case REMOVE_NUMBERS -> {
                String poolId = id(part);
                for (PhoneNumber number : op.numbers()) {
                    try {
                        String identity = phoneNumberId(number);
                        call(() -> client.disassociateOriginationIdentity(r -> r.poolId(poolId)
                                .originationIdentity(identity).isoCountryCode(number.country())));
                    } catch (NotFound e) {
                        // not associated (any more): what the operation wanted
                    }
                }
                return Applied.done();
            }
            case CREATE_OPT_OUT_LIST -> {
                String list = String.valueOf(op.settings().get("OptOutListName"));
                try {
                    call(() -> client.createOptOutList(r -> r.optOutListName(list)
                            .tags(Tag.builder().key(TAG).value(part.poolId().value()).build())));
                } catch (ProviderSyncException e) {
                    if (!e.code().equals("pinpoint.RESOURCE_ALREADY_EXISTS")) {
                        throw e;
                    }
                }
                return Applied.done();
            }
            case OPT_OUT_NUMBERS, OPT_IN_NUMBERS -> {
                String list = String.valueOf(op.settings().get("OptOutListName"));
                List<PhoneNumber> refused = new java.util.ArrayList<>();
                String reason = null;
                for (PhoneNumber number : op.numbers()) {
                    try {
                        if (op.kind() == SyncOperation.Kind.OPT_OUT_NUMBERS) {
                            call(() -> client.putOptedOutNumber(r -> r.optOutListName(list)
                                    .optedOutNumber(number.e164())));
                        } else {
                            call(() -> client.deleteOptedOutNumber(r -> r.optOutListName(list)
                                    .optedOutNumber(number.e164())));
                        }
                    } catch (NotFound e) {
                        // opted back in already
                    } catch (ProviderSyncException e) {
                        if (e.retryable()) {
                            throw e;
                        }
                        refused.add(number);
                        reason = e.getMessage();
                    }
                }
                return new Applied(Optional.empty(), refused, reason);
            }
            case DELETE_POOL -> {
                try {
                    call(() -> client.deletePool(r -> r.poolId(id(part))));
                } catch (NotFound e) {
                    // already gone
                }
                return Applied.done();
            }
            default -> throw new IllegalArgumentException("Pinpoint has no " + op.kind().wireName());
        }
    }

    /** How many times a new pool is looked at (one call a second under the limiter) before the sync retries later. */
    private static final int ACTIVE_CHECKS = 10;

    /**
     * AWS answers CreatePool with the pool {@code CREATING}; UpdatePool and associations need it
     * {@code ACTIVE}. A pool still creating after the checks is a retryable failure: the next run creates
     * it again with the same client token, which AWS answers with the same pool.
     */
    private void awaitActive(String poolId) {
        for (int i = 0; i < ACTIVE_CHECKS; i++) {
            List<PoolInformation> found = call(() -> client.describePools(r -> r.poolIds(poolId))).pools();
            if (!found.isEmpty() && found.get(0).status() == PoolStatus.ACTIVE) {
                return;
            }
        }
        throw stillCreating(poolId);
    }

    private static ProviderSyncException stillCreating(String poolId) {
        return ProviderSyncException.retryable("pinpoint.RESOURCE_NOT_ACTIVE", "pool " + poolId
                + " is still CREATING at AWS", Optional.empty());
    }

    /**
     * A deterministic client token, so that a repeated call is the same request to AWS: the operation and
     * a SHA-256 of what it names, within AWS's limit of 64 printable ASCII characters (a pool id and a phone
     * number id together are longer than that).
     */
    static String clientToken(String operation, String subject) {
        return operation + "-" + Hashes.sha256Hex(subject).substring(0, 48);
    }

    /** Settings CreatePool cannot take are set right after it, when they differ from AWS's defaults. */
    private void updateIfNotDefault(String poolId, Map<String, Object> s) {
        boolean needed = bool(s, "TwoWayEnabled").orElse(false) || bool(s, "SelfManagedOptOutsEnabled").orElse(false)
                || bool(s, "SharedRoutesEnabled").orElse(false) || s.get("OptOutListName") != null;
        if (needed) {
            update(poolId, s);
        }
    }

    private void update(String poolId, Map<String, Object> s) {
        call(() -> client.updatePool(r -> {
            r.poolId(poolId);
            bool(s, "TwoWayEnabled").ifPresent(r::twoWayEnabled);
            bool(s, "SelfManagedOptOutsEnabled").ifPresent(r::selfManagedOptOutsEnabled);
            bool(s, "SharedRoutesEnabled").ifPresent(r::sharedRoutesEnabled);
            bool(s, "DeletionProtectionEnabled").ifPresent(r::deletionProtectionEnabled);
            if (s.get("OptOutListName") != null) {
                r.optOutListName(String.valueOf(s.get("OptOutListName")));
            }
        }));
    }

    private static Optional<Boolean> bool(Map<String, Object> s, String key) {
        return s.get(key) instanceof Boolean b ? Optional.of(b) : Optional.empty();
    }

    private static String id(PartRef part) {
        return part.providerPoolId().orElseThrow(() -> new IllegalStateException("no Pinpoint pool yet"));
    }

    /** The PhoneNumberId of an E.164 number of this account, from DescribePhoneNumbers (cached). */
    private String phoneNumberId(PhoneNumber number) {
        String known = phoneNumberIds.get(number.e164());
        if (known != null) {
            return known;
        }
        String next = null;
        do {
            String token = next;
            DescribePhoneNumbersResponse page = call(() -> client.describePhoneNumbers(r -> r.maxResults(100)
                    .nextToken(token)));
            page.phoneNumbers().forEach(p -> phoneNumberIds.put(p.phoneNumber(), p.phoneNumberId()));
            next = page.nextToken();
        } while (next != null);
        String found = phoneNumberIds.get(number.e164());
        if (found == null) {
            throw new NotFound(number.e164() + " is not a phone number of this AWS account");
        }
        return found;
    }

    /** One read that changes nothing: the first pool of the account. */
    ConnectionCheck check() {
        if (client == null) {
            return new ConnectionCheck(false, "no region or keys");
        }
        try {
            int found = call(() -> client.describePools(r -> r.maxResults(1))).pools().size();
            return new ConnectionCheck(true, "AWS accepted the credentials; DescribePools answered "
                    + (found == 0 ? "no pools" : "with pools"));
        } catch (ProviderSyncException | NotFound e) {
            return new ConnectionCheck(false, e.getMessage());
        }
    }

    /** A resource the call named does not exist; each operation decides what that means. */
    private static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** One call, after the limiter lets it through, with AWS's answers turned into the port's terms. */
    private <T> T call(Supplier<T> request) {
        pace();
        try {
            return request.get();
        } catch (ResourceNotFoundException e) {
            throw new NotFound(e.awsErrorDetails().errorMessage());
        } catch (ConflictException e) {
            if ("PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL".equals(e.reasonAsString())) {
                throw new NotFound(e.awsErrorDetails().errorMessage());
            }
            if ("RESOURCE_NOT_ACTIVE".equals(e.reasonAsString())) {
                throw ProviderSyncException.retryable("pinpoint.RESOURCE_NOT_ACTIVE",
                        "ConflictException RESOURCE_NOT_ACTIVE: " + e.awsErrorDetails().errorMessage(), Optional.empty());
            }
            throw ProviderSyncException.refused("pinpoint." + e.reasonAsString(),
                    "ConflictException " + e.reasonAsString() + ": " + e.awsErrorDetails().errorMessage());
        } catch (AwsServiceException e) {
            String detail = e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
            if (e.isThrottlingException()) {
                throw new ProviderSyncException(ProviderFailure.THROTTLED, ErrorCode.PROVIDER_UNAVAILABLE.code(), detail,
                        Optional.empty());
            }
            ProviderFailure failure = CREDENTIALS_REFUSED.contains(e.awsErrorDetails().errorCode())
                    ? ProviderFailure.UNAUTHORIZED : ProviderFailure.ofStatus(e.statusCode());
            String code = failure == ProviderFailure.UNAUTHORIZED ? "provider.unauthorized"
                    : failure.retryable() ? ErrorCode.PROVIDER_UNAVAILABLE.code()
                    : "pinpoint." + e.awsErrorDetails().errorCode();
            throw new ProviderSyncException(failure, code, detail, Optional.empty());
        } catch (SdkClientException e) {
            throw new ProviderSyncException(ProviderFailure.NO_ANSWER, ErrorCode.PROVIDER_UNAVAILABLE.code(),
                    "no answer from AWS (" + e.getClass().getSimpleName() + ")", Optional.empty());
        }
    }

    /** The client-side limiter: calls start at least {@code 1/perSecond} apart, across threads. */
    private void pace() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now, nextCallAt);
            nextCallAt = start + minIntervalNanos;
            wait = start - now;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ProviderSyncException.retryable(ErrorCode.PROVIDER_UNAVAILABLE.code(), "interrupted",
                        Optional.empty());
            }
        }
    }
}
