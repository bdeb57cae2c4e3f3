package dev.poolkeeper.adapters.providers.pinpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * AWS End User Messaging SMS v2 pools (AWS JSON 1.0, {@code X-Amz-Target: PinpointSMSVoiceV2.<Op>}) as a
 * stateful WireMock transformer, with the documented refusals: {@code LAST_PHONE_NUMBER},
 * {@code PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL}, {@code DELETION_PROTECTION_ENABLED}, ResourceNotFound.
 */
public final class PinpointPoolsSimulator implements ResponseDefinitionTransformerV2 {
    public static final String NAME = "pinpoint-pools";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:sms-voice:us-east-1:111122223333:";

    /** E.164 → PhoneNumberId of the numbers this account owns. */
    public final Map<String, String> owned = new ConcurrentHashMap<>();
    public final Map<String, ObjectNode> pools = new ConcurrentHashMap<>();
    public final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    public final AtomicInteger lastPhoneNumberRefusals = new AtomicInteger();
    /** Opt-out list name → opted-out numbers; every account has the list "Default". */
    public final Map<String, Set<String>> optOutLists = new ConcurrentHashMap<>(Map.of("Default",
            ConcurrentHashMap.newKeySet()));
    private final Map<String, String> clientTokens = new ConcurrentHashMap<>();
    /** Pool id → how many more DescribePools calls see it CREATING before it is ACTIVE. */
    private final Map<String, Integer> creating = new ConcurrentHashMap<>();
    /** How many DescribePools calls a new pool stays CREATING for, as AWS keeps it a moment. */
    public volatile int creatingReads = 2;
    /** Calls that needed an ACTIVE pool and came while it was still CREATING. */
    public final AtomicInteger notActiveRefusals = new AtomicInteger();
    /** The access key the account signs with; null takes any. */
    private final String accessKey;

    /** An account that takes requests signed with any access key. */
    public PinpointPoolsSimulator() {
        this(null);
    }

    /**
     * An account whose requests must be signed with {@code accessKey}: others are refused as AWS refuses an
     * unknown key, 400 {@code UnrecognizedClientException}.
     */
    public PinpointPoolsSimulator(String accessKey) {
        this.accessKey = accessKey;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    public String own(String e164) {
        return owned.computeIfAbsent(e164, n -> "phone-" + UUID.randomUUID().toString().replace("-", ""));
    }

    public Set<String> numbersOf(String poolId) {
        Set<String> out = new LinkedHashSet<>();
        members.getOrDefault(poolId, Set.of()).forEach(id -> owned.forEach((n, i) -> {
            if (i.equals(id)) {
                out.add(n);
            }
        }));
        return out;
    }

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
        String authorization = event.getRequest().getHeader("Authorization");
        if (accessKey != null && (authorization == null || !authorization.contains("Credential=" + accessKey + "/"))) {
            return error("UnrecognizedClientException", "The security token included in the request is invalid.",
                    null);
        }
        String target = event.getRequest().getHeader("X-Amz-Target");
        String op = target == null ? "" : target.substring(target.indexOf('.') + 1);
        JsonNode in;
        try {
            in = JSON.readTree(event.getRequest().getBodyAsString());
        } catch (IOException e) {
            return error("ValidationException", "body is not JSON", null);
        }
        String token = in.path("ClientToken").asText(null);
        if (token != null && (token.isEmpty() || token.length() > 64 || !token.matches("[!-~]+"))) {
            return error("ValidationException", "1 validation error detected: Value at 'clientToken' failed to"
                    + " satisfy constraint: Member must have length less than or equal to 64", null);
        }
        String named = in.path("PoolId").asText(null);
        if (named != null && pools.containsKey(named) && !"ACTIVE".equals(pools.get(named).path("Status").asText())
                && List.of("UpdatePool", "AssociateOriginationIdentity", "DisassociateOriginationIdentity").contains(op)) {
            notActiveRefusals.incrementAndGet();
            return error("ConflictException", "pool " + named + " is not active", "RESOURCE_NOT_ACTIVE");
        }
        switch (op) {
            case "DescribePhoneNumbers" -> {
                ObjectNode out = JSON.createObjectNode();
                ArrayNode list = out.putArray("PhoneNumbers");
                owned.forEach((n, id) -> list.addObject().put("PhoneNumberId", id).put("PhoneNumber", n)
                        .put("PhoneNumberArn", ARN + "phone-number/" + id).put("IsoCountryCode", "US")
                        .put("Status", "ACTIVE"));
                return ok(out);
            }
            case "CreatePool" -> {
                if (clientTokens.containsKey(token)) {
                    return ok(pools.get(clientTokens.get(token)));
                }
                String identity = in.path("OriginationIdentity").asText();
                if (!owned.containsValue(identity)) {
                    return error("ResourceNotFoundException", "origination identity " + identity + " not found", null);
                }
                String id = "pool-" + UUID.randomUUID().toString().replace("-", "");
                ObjectNode pool = JSON.createObjectNode().put("PoolArn", ARN + "pool/" + id).put("PoolId", id)
                        .put("Status", creatingReads > 0 ? "CREATING" : "ACTIVE")
                        .put("MessageType", in.path("MessageType").asText())
                        .put("TwoWayEnabled", false).put("SelfManagedOptOutsEnabled", false)
                        .put("OptOutListName", "Default").put("SharedRoutesEnabled", false)
                        .put("DeletionProtectionEnabled", in.path("DeletionProtectionEnabled").asBoolean(false))
                        .put("CreatedTimestamp", 1.7E9);
                pools.put(id, pool);
                creating.put(id, creatingReads);
                members.put(id, new LinkedHashSet<>(List.of(identity)));
                clientTokens.put(token, id);
                return ok(pool);
            }
            case "DescribePools" -> {
                ObjectNode out = JSON.createObjectNode();
                ArrayNode list = out.putArray("Pools");
                for (JsonNode id : in.path("PoolIds")) {
                    ObjectNode pool = pools.get(id.asText());
                    if (pool == null) {
                        return error("ResourceNotFoundException", "pool " + id.asText() + " not found", null);
                    }
                    list.add(pool.deepCopy());
                    if (creating.merge(id.asText(), -1, Integer::sum) <= 0) {
                        pool.put("Status", "ACTIVE"); // the next look sees it active
                    }
                }
                return ok(out);
            }
            case "ListPoolOriginationIdentities" -> {
                String id = in.path("PoolId").asText();
                if (!pools.containsKey(id)) {
                    return error("ResourceNotFoundException", "pool " + id + " not found", null);
                }
                List<String> all = new ArrayList<>(members.get(id));
                int from = in.has("NextToken") ? Integer.parseInt(in.get("NextToken").asText()) : 0;
                int max = in.path("MaxResults").asInt(100);
                ObjectNode out = JSON.createObjectNode().put("PoolId", id).put("PoolArn", ARN + "pool/" + id);
                ArrayNode list = out.putArray("OriginationIdentities");
                for (String identity : all.subList(from, Math.min(all.size(), from + max))) {
                    String number = owned.entrySet().stream().filter(e -> e.getValue().equals(identity)).findFirst()
                            .map(Map.Entry::getKey).orElse(null);
                    ObjectNode item = list.addObject().put("OriginationIdentity", identity)
                            .put("OriginationIdentityArn", ARN + "phone-number/" + identity).put("IsoCountryCode", "US")
                            .put("PhoneNumber", number);
                    item.putArray("NumberCapabilities").add("SMS");
                }
                if (from + max < all.size()) {
                    out.put("NextToken", String.valueOf(from + max));
                }
                return ok(out);
            }
            case "AssociateOriginationIdentity", "DisassociateOriginationIdentity" -> {
                String id = in.path("PoolId").asText();
                String identity = in.path("OriginationIdentity").asText();
                if (!pools.containsKey(id) || !owned.containsValue(identity)) {
                    return error("ResourceNotFoundException", "not found", null);
                }
                Set<String> set = members.get(id);
                if (op.startsWith("Associate")) {
                    set.add(identity);
                } else if (!set.contains(identity)) {
                    return error("ConflictException", "not associated", "PHONE_NUMBER_NOT_ASSOCIATED_TO_POOL");
                } else if (set.size() == 1) {
                    lastPhoneNumberRefusals.incrementAndGet();
                    return error("ConflictException", "a pool must retain at least one phone number",
                            "LAST_PHONE_NUMBER");
                } else {
                    set.remove(identity);
                }
                return ok(JSON.createObjectNode().put("PoolId", id).put("PoolArn", ARN + "pool/" + id)
                        .put("OriginationIdentity", identity).put("IsoCountryCode", "US"));
            }
            case "CreateOptOutList" -> {
                String name = in.path("OptOutListName").asText();
                if (optOutLists.putIfAbsent(name, ConcurrentHashMap.newKeySet()) != null) {
                    return error("ConflictException", "opt-out list " + name + " exists", "RESOURCE_ALREADY_EXISTS");
                }
                return ok(JSON.createObjectNode().put("OptOutListName", name)
                        .put("OptOutListArn", ARN + "opt-out-list/" + name).put("CreatedTimestamp", 1.7E9));
            }
            case "DescribeOptedOutNumbers" -> {
                Set<String> list = optOutLists.get(in.path("OptOutListName").asText());
                if (list == null) {
                    return error("ResourceNotFoundException", "opt-out list not found", null);
                }
                ObjectNode out = JSON.createObjectNode().put("OptOutListName", in.path("OptOutListName").asText());
                ArrayNode items = out.putArray("OptedOutNumbers");
                list.forEach(n -> items.addObject().put("OptedOutNumber", n).put("OptedOutTimestamp", 1.7E9)
                        .put("EndUserOptedOut", false));
                return ok(out);
            }
            case "PutOptedOutNumber", "DeleteOptedOutNumber" -> {
                String name = in.path("OptOutListName").asText();
                Set<String> list = optOutLists.get(name);
                String number = in.path("OptedOutNumber").asText();
                if (list == null || (op.startsWith("Delete") && !list.contains(number))) {
                    return error("ResourceNotFoundException", "not found", null);
                }
                if (op.startsWith("Put")) {
                    list.add(number);
                } else {
                    list.remove(number);
                }
                return ok(JSON.createObjectNode().put("OptOutListName", name).put("OptedOutNumber", number)
                        .put("OptedOutTimestamp", 1.7E9).put("EndUserOptedOut", false));
            }
            case "UpdatePool" -> {
                ObjectNode pool = pools.get(in.path("PoolId").asText());
                if (pool == null) {
                    return error("ResourceNotFoundException", "pool not found", null);
                }
                if (in.has("OptOutListName") && !optOutLists.containsKey(in.get("OptOutListName").asText())) {
                    return error("ResourceNotFoundException", "opt-out list not found", null);
                }
                for (String field : List.of("TwoWayEnabled", "SelfManagedOptOutsEnabled", "SharedRoutesEnabled",
                        "DeletionProtectionEnabled", "OptOutListName")) {
                    if (in.has(field)) {
                        pool.set(field, in.get(field));
                    }
                }
                return ok(pool);
            }
            case "DeletePool" -> {
                String id = in.path("PoolId").asText();
                ObjectNode pool = pools.get(id);
                if (pool == null) {
                    return error("ResourceNotFoundException", "pool not found", null);
                }
                if (pool.path("DeletionProtectionEnabled").asBoolean()) {
                    return error("ConflictException", "deletion protection is enabled", "DELETION_PROTECTION_ENABLED");
                }
                pools.remove(id);
                members.remove(id);
                return ok(pool.deepCopy().put("Status", "DELETING"));
            }
            default -> {
                return error("ValidationException", "unknown operation " + op, null);
            }
        }
    }

    private static ResponseDefinition ok(JsonNode body) {
        return new ResponseDefinitionBuilder().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody(body.toString()).build();
    }

    private static ResponseDefinition error(String type, String message, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("__type", "com.amazonaws.pinpointsmsvoicev2#" + type);
        body.put("Message", message);
        if (reason != null) {
            body.put("Reason", reason);
        }
        return new ResponseDefinitionBuilder().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody(JSON.valueToTree(body).toString()).build();
    }
}
