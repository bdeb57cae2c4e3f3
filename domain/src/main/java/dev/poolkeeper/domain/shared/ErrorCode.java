package dev.poolkeeper.domain.shared;

/**
 * The stable, machine-readable error codes of the API contract, each {@code area.reason}; docs/api.md has
 * one catalogue entry per code (a test holds the two together). Clients match on {@link #code()}; never
 * rename one. The REST adapter maps each to an HTTP status in one place.
 */
public enum ErrorCode {
    REQUEST_INVALID("request.invalid"),
    AUTH_MISSING_KEY("auth.missing_key"),
    AUTH_INVALID_KEY("auth.invalid_key"),
    AUTH_FORBIDDEN("auth.forbidden"),
    RATE_LIMITED("request.rate_limited"),
    IDEMPOTENCY_KEY_REUSED("idempotency.key_reused"),
    IDEMPOTENCY_IN_PROGRESS("idempotency.in_progress"),
    IDEMPOTENCY_KEY_REQUIRED("idempotency.key_required"),
    ACCOUNT_NOT_FOUND("account.not_found"),
    API_KEY_NOT_FOUND("api_key.not_found"),
    POOL_NOT_FOUND("pool.not_found"),
    POOL_NAME_TAKEN("pool.name_taken"),
    POOL_MESSAGE_TYPE_IMMUTABLE("pool.message_type_immutable"),
    POOL_VERSION_CONFLICT("pool.version_conflict"),
    POOL_DELETION_PROTECTED("pool.deletion_protected"),
    POOL_MEMBERS_NOT_TWO_WAY("pool.members_not_two_way"),
    OPT_OUT_LIST_NOT_FOUND("opt_out_list.not_found"),
    OPT_OUT_LIST_NAME_TAKEN("opt_out_list.name_taken"),
    OPT_OUT_LIST_IN_USE("opt_out_list.in_use"),
    OPT_OUT_NOT_FOUND("opt_out.not_found"),
    NUMBER_INVALID("number.invalid"),
    NUMBER_TYPE_MISMATCH("number.type_mismatch"),
    NUMBER_CONFLICTS_WITH_MEMBER("number.conflicts_with_member"),
    NUMBER_NOT_IN_POOL("number.not_in_pool"),
    NUMBER_IN_OTHER_POOL("number.in_other_pool"),
    NUMBER_CAMPAIGN_REQUIRED("number.campaign_required"),
    NUMBER_CAMPAIGN_MISMATCH("number.campaign_mismatch"),
    NUMBER_CONNECTION_MISMATCH("number.connection_mismatch"),
    NUMBER_TWO_WAY_REQUIRED("number.two_way_required"),
    NUMBERS_LIMIT_EXCEEDED("numbers.limit_exceeded"),
    NUMBERS_ALL_FAILED("numbers.all_failed"),
    SELECTION_OPTED_OUT("selection.opted_out"),
    SELECTION_NO_HEALTHY_NUMBER("selection.no_healthy_number"),
    SELECTION_EMPTY_POOL("selection.empty_pool"),
    SELECTION_REJECTED("selection.rejected"),
    SELECTION_CAPACITY_EXHAUSTED("selection.capacity_exhausted"),
    SELECTION_PROVIDER_NOT_CONFIGURED("selection.provider_not_configured"),
    STICKY_SENDER_NOT_FOUND("sticky_sender.not_found"),
    STICKY_SENDER_NOT_A_MEMBER("sticky_sender.not_a_member"),
    MESSAGE_NOT_FOUND("message.not_found"),
    MESSAGE_NOT_CANCELABLE("message.not_cancelable"),
    MESSAGE_EXPIRED("message.expired"),
    MESSAGES_LIMIT_EXCEEDED("messages.limit_exceeded"),
    QUEUE_FULL("queue.full"),
    EVENT_ENDPOINT_NOT_FOUND("event_endpoint.not_found"),
    EVENT_ENDPOINT_URL_REFUSED("event_endpoint.url_refused"),
    EVENT_ENDPOINT_NOT_STORABLE("event_endpoint.not_storable"),
    EVENT_NOT_FOUND("event.not_found"),
    PROVIDER_NOT_CONFIGURED("provider.not_configured"),
    PROVIDER_UNAVAILABLE("provider.unavailable"),
    PROVIDER_REJECTED("provider.rejected"),
    PROVIDER_NO_ANSWER("provider.no_answer"),
    PROVIDER_UNAUTHORIZED("provider.unauthorized"),
    PROVIDER_THROTTLED("provider.throttled"),
    PROVIDER_INSUFFICIENT_BALANCE("provider.insufficient_balance"),
    CANARY_INBOX_NOT_FOUND("canary_inbox.not_found"),
    CANARY_INBOX_NOT_PROBEABLE("canary_inbox.not_probeable"),
    PROBE_SCHEDULE_NOT_FOUND("probe_schedule.not_found"),
    WEBHOOK_SIGNATURE_INVALID("webhook.signature_invalid"),
    PROVIDER_POOL_NOT_FOUND("provider_pool.not_found"),
    PROVIDER_CONNECTION_NOT_FOUND("provider_connection.not_found"),
    PROVIDER_CONNECTION_NAME_TAKEN("provider_connection.name_taken"),
    PROVIDER_CONNECTION_IN_USE("provider_connection.in_use"),
    PROVIDER_CONNECTION_NOT_STORABLE("provider_connection.not_storable"),
    PROVIDER_POOL_ALREADY_MIRRORED("provider_pool.already_mirrored"),
    IMPORT_NUMBERS_REFUSED("import.numbers_refused"),
    ROUTE_NOT_FOUND("route.not_found"),
    METHOD_NOT_ALLOWED("request.method_not_allowed"),
    UNSUPPORTED_MEDIA_TYPE("request.unsupported_media_type"),
    NOT_ACCEPTABLE("request.not_acceptable"),
    REQUEST_TOO_LARGE("request.too_large"),
    URI_TOO_LONG("request.uri_too_long"),
    HEADERS_TOO_LARGE("request.headers_too_large"),
    SERVICE_UNAVAILABLE("service.unavailable"),
    INTERNAL("internal.error");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
