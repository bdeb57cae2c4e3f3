package dev.poolkeeper.adapters.persistence.messaging;

import dev.poolkeeper.adapters.persistence.event.EventWrites;
import dev.poolkeeper.adapters.persistence.jdbc.Jdbc;
import dev.poolkeeper.adapters.persistence.jdbc.JsonColumns;
import dev.poolkeeper.adapters.persistence.jdbc.PersistenceException;
import dev.poolkeeper.application.paging.Page;
import dev.poolkeeper.application.paging.PageRequest;
import dev.poolkeeper.application.paging.Positioned;
import dev.poolkeeper.application.port.out.messaging.MessageOutbox;
import dev.poolkeeper.application.port.out.messaging.MessageRepository;
import dev.poolkeeper.domain.account.AccountId;
import dev.poolkeeper.domain.event.AccountEvent;
import dev.poolkeeper.domain.event.EventDelivery;
import dev.poolkeeper.domain.message.Message;
import dev.poolkeeper.domain.message.MessageFilter;
import dev.poolkeeper.domain.message.MessageId;
import dev.poolkeeper.domain.message.MessageStatus;
import dev.poolkeeper.domain.message.Priority;
import dev.poolkeeper.domain.message.QueueBacklog;
import dev.poolkeeper.domain.message.SendAttempt;
import dev.poolkeeper.domain.message.Sender;
import dev.poolkeeper.domain.message.StatusChange;
import dev.poolkeeper.domain.message.Submission;
import dev.poolkeeper.domain.number.NumberType;
import dev.poolkeeper.domain.number.PhoneNumber;
import dev.poolkeeper.domain.pool.PoolId;
import dev.poolkeeper.domain.provider.Provider;
import dev.poolkeeper.domain.selection.Reason;
import dev.poolkeeper.domain.selection.TraceStep;
import dev.poolkeeper.domain.shared.WireName;
import io.micronaut.core.type.Argument;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

@Singleton
final class MessagePersistenceAdapter implements MessageRepository, MessageOutbox {
    private static final Argument<List<Map<String, Object>>> ROWS =
            Argument.listOf(Argument.mapOf(String.class, Object.class));
    private static final String COLUMNS = "id, account_id, pool_id, to_number, from_sender, provider, number_type,"
            + " reason, body, status, provider_message_id, error_code, error_message, needs_reconciliation, trace,"
            + " attempts, created_at, updated_at, idempotency_key, waiting, lane, due_at, expires_at, send_at,"
            + " client_reference, status_callback, transitions";

    private final Jdbc jdbc;
    private final JsonColumns json;
    private final EventWrites eventWrites;

    MessagePersistenceAdapter(Jdbc jdbc, JsonColumns json, EventWrites eventWrites) {
        this.jdbc = jdbc;
        this.json = json;
        this.eventWrites = eventWrites;
    }

    @Override
    public boolean insert(Message m) {
        return jdbc.write(c -> {
            boolean inserted = Jdbc.insertUnlessDuplicate(c, w -> {
                insert(w, m);
                return null;
            });
            if (!inserted && m.idempotencyKey().isEmpty()) {
                throw new IllegalStateException("message id " + m.id().value() + " already exists");
            }
            return inserted;
        });
    }

    /**
     * The messages' multi-row inserts (see {@link Jdbc#insertRows}), their events' and the deliveries', sent
     * with their commit in one exchange ({@link Jdbc#writeTogether}); the events' subscribers are read
     * before, in one query.
     */
    @Override
    public boolean insertAll(List<Message> ms, List<AccountEvent> events, List<EventDelivery> deliveries) {
        Jdbc.Script script = new Jdbc.Script().insertRows("INSERT INTO messages (" + COLUMNS + ") VALUES ", ms,
                m -> Arrays.asList(insertParams(m)));
        eventWrites.add(script, events, deliveries);
        try {
            jdbc.writeTogether(script);
            return true;
        } catch (PersistenceException e) {
            if (!(e.getCause() instanceof SQLException sql && Jdbc.isDuplicateKey(sql))) {
                throw e;
            }
            if (ms.stream().allMatch(m -> m.idempotencyKey().isEmpty())) {
                throw new IllegalStateException("a message id of the batch already exists", e);
            }
            return false;
        }
    }

    @Override
    public Map<String, Message> findByIdempotencyKeys(AccountId accountId, Collection<String> keys) {
        return jdbc.readIn("SELECT " + COLUMNS + " FROM messages WHERE account_id = ? AND idempotency_key IN",
                        this::map, List.of(accountId.value()), keys).stream()
                .collect(Collectors.toMap(m -> m.idempotencyKey().orElseThrow(), m -> m));
    }

    private void insert(java.sql.Connection c, Message m) throws SQLException {
        Jdbc.update(c, "INSERT INTO messages (" + COLUMNS + ") VALUES (" + Jdbc.placeholders(27) + ")",
                insertParams(m));
    }

    private Object[] insertParams(Message m) {
        return new Object[]{m.id().value(), m.accountId().value(), m.poolId().value(), m.to().e164(), m.sender().from(),
                m.sender().provider().wireName(), m.sender().type().map(NumberType::wireName).orElse(null),
                m.sender().reason().wireName(), m.text(), m.status().wireName(), m.providerMessageId().orElse(null),
                m.errorCode().orElse(null), truncate(m.errorMessage().orElse(null)), m.needsReconciliation(),
                json.write(trace(m)), json.write(attempts(m)), m.createdAt(), m.updatedAt(),
                m.idempotencyKey().orElse(null), waiting(m), m.submission().priority().lane(), m.dueAt(),
                m.submission().expiresAt(), m.submission().sendAt().orElse(null),
                m.submission().clientReference().orElse(null),
                m.submission().statusCallback().map(java.net.URI::toString).orElse(null),
                json.write(transitions(m))};
    }

    private static Integer waiting(Message m) {
        return m.status().isWaiting() ? 1 : null;
    }

    private static final String UPDATE = "UPDATE messages SET from_sender = ?, provider = ?, number_type = ?,"
            + " reason = ?, status = ?, provider_message_id = ?, error_code = ?, error_message = ?,"
            + " needs_reconciliation = ?, trace = ?, attempts = ?, updated_at = ?, waiting = ?, due_at = ?,"
            + " transitions = ? WHERE id = ?";

    private Object[] updateParams(Message m, Object... more) {
        Object[] params = {m.sender().from(), m.sender().provider().wireName(),
                m.sender().type().map(NumberType::wireName).orElse(null), m.sender().reason().wireName(),
                m.status().wireName(), m.providerMessageId().orElse(null), m.errorCode().orElse(null),
                truncate(m.errorMessage().orElse(null)), m.needsReconciliation(), json.write(trace(m)),
                json.write(attempts(m)), m.updatedAt(), waiting(m), m.dueAt(), json.write(transitions(m)),
                m.id().value()};
        Object[] all = Arrays.copyOf(params, params.length + more.length);
        System.arraycopy(more, 0, all, params.length, more.length);
        return all;
    }

    @Override
    public void update(Message m) {
        jdbc.write(c -> Jdbc.update(c, UPDATE, updateParams(m)));
    }

    @Override
    public boolean updateIfWaiting(Message m, Instant readUpdatedAt) {
        return jdbc.write(c -> Jdbc.update(c, UPDATE + " AND waiting = 1 AND updated_at = ?",
                updateParams(m, readUpdatedAt))) == 1;
    }

    /**
     * Waiting messages due by the parameter, as a range of the queue's index ({@code waiting, lane, due_at, seq})
     * in each lane: with the lanes named, the database reads only the due entries; with {@code waiting = 1}
     * alone it can bound nothing past {@code waiting}, and walks every waiting message — every scheduled one
     * too — to find none due.
     */
    private static final String DUE = "waiting = 1 AND lane IN (" + Arrays.stream(Priority.values())
            .map(p -> String.valueOf(p.lane())).collect(Collectors.joining(", ")) + ") AND due_at <= ?";

    @Override
    public List<Message> due(Instant now, Set<String> skipSenders, int limit) {
        String skip = skipSenders.isEmpty() ? "" : " AND from_sender NOT IN (" + Jdbc.placeholders(skipSenders.size())
                + ")";
        List<Object> params = new ArrayList<>();
        params.add(now);
        params.addAll(skipSenders);
        params.add(limit);
        return jdbc.read(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM messages WHERE " + DUE + skip
                + " ORDER BY lane, due_at, seq LIMIT ?", this::map, params.toArray()));
    }

    @Override
    public long waiting(PoolId poolId) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT COUNT(*) FROM messages WHERE pool_id = ? AND waiting = 1",
                rs -> rs.getLong(1), poolId.value())).orElse(0L);
    }

    @Override
    public Map<PoolId, QueueBacklog> backlogs(Instant now) {
        return backlogsWhere(DUE, now);
    }

    @Override
    public Map<PoolId, QueueBacklog> backlogs(AccountId accountId, Instant now) {
        return backlogsWhere("account_id = ? AND " + DUE, accountId.value(), now);
    }

    /** The due messages' count and oldest due time per pool, of the waiting messages {@code condition} selects. */
    private Map<PoolId, QueueBacklog> backlogsWhere(String condition, Object... params) {
        Map<PoolId, QueueBacklog> backlogs = new LinkedHashMap<>();
        jdbc.read(c -> Jdbc.query(c, "SELECT pool_id, COUNT(*) AS depth, MIN(due_at) AS oldest FROM messages"
                + " WHERE " + condition + " GROUP BY pool_id", rs -> backlogs.put(
                new PoolId(rs.getString("pool_id")), new QueueBacklog(rs.getLong("depth"), Jdbc.instant(rs, "oldest"))),
                params));
        return backlogs;
    }

    @Override
    public Optional<Message> lock(AccountId accountId, MessageId id) {
        return jdbc.write(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM messages WHERE id = ? AND account_id = ?"
                + " FOR UPDATE", this::map, id.value(), accountId.value()));
    }

    @Override
    public List<Message> lockExpired(Instant now, int limit) {
        return jdbc.write(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM messages WHERE waiting = 1"
                + " AND expires_at <= ? ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED", this::map, now, limit));
    }

    @Override
    public List<Message> lockUnanswered(Instant updatedBefore, int limit) {
        return jdbc.write(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM messages WHERE status = ?"
                        + " AND needs_reconciliation = TRUE AND updated_at < ? ORDER BY updated_at LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED", this::map, MessageStatus.SENDING.wireName(), updatedBefore,
                limit));
    }

    @Override
    public Page<Message> list(AccountId accountId, MessageFilter query, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT seq, " + COLUMNS + " FROM messages WHERE account_id = ?"
                + " AND seq < ?");
        List<Object> params = new ArrayList<>(List.of(accountId.value(),
                page.after().orElse(Long.MAX_VALUE)));
        query.pool().ifPresent(p -> filter(sql, params, "pool_id = ?", p.value()));
        query.status().ifPresent(s -> filter(sql, params, "status = ?", s.wireName()));
        query.to().ifPresent(t -> filter(sql, params, "to_number = ?", t.e164()));
        query.from().ifPresent(f -> filter(sql, params, "from_sender = ?", f));
        query.provider().ifPresent(p -> filter(sql, params, "provider = ?", p.wireName()));
        query.since().ifPresent(t -> filter(sql, params, "created_at >= ?", t));
        query.until().ifPresent(t -> filter(sql, params, "created_at < ?", t));
        query.clientReference().ifPresent(r -> filter(sql, params, "client_reference = ?", r));
        sql.append(" ORDER BY seq DESC LIMIT ?");
        params.add(page.size() + 1);
        List<Positioned<Message>> rows = jdbc.read(c -> Jdbc.query(c, sql.toString(),
                rs -> new Positioned<>(rs.getLong("seq"), map(rs)), params.toArray()));
        return Page.of(rows, page.size(), Positioned::position).map(Positioned::item);
    }

    private static void filter(StringBuilder sql, List<Object> params, String condition, Object value) {
        sql.append(" AND ").append(condition);
        params.add(value);
    }

    @Override
    public Optional<Message> find(AccountId accountId, MessageId id) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM messages WHERE id = ? AND account_id = ?",
                this::map, id.value(), accountId.value()));
    }

    @Override
    public Optional<Message> findByIdempotencyKey(AccountId accountId, String idempotencyKey) {
        return jdbc.read(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM messages WHERE account_id = ?"
                + " AND idempotency_key = ?", this::map, accountId.value(), idempotencyKey));
    }

    @Override
    public List<Message> lockInterrupted(Instant updatedBefore, int limit) {
        return jdbc.write(c -> Jdbc.query(c, "SELECT " + COLUMNS + " FROM messages WHERE status = ?"
                        + " AND needs_reconciliation = FALSE AND updated_at < ? ORDER BY updated_at LIMIT ?"
                        + " FOR UPDATE SKIP LOCKED", this::map, MessageStatus.SENDING.wireName(), updatedBefore, limit));
    }

    @Override
    public Optional<Message> lockByProviderId(Provider provider, String providerMessageId) {
        return jdbc.write(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM messages WHERE provider = ?"
                + " AND provider_message_id = ? FOR UPDATE", this::map, provider.wireName(), providerMessageId));
    }

    @Override
    public Optional<Message> lockUnreconciled(Provider provider, String from, String to) {
        return jdbc.write(c -> Jdbc.queryOne(c, "SELECT " + COLUMNS + " FROM messages WHERE provider = ?"
                        + " AND from_sender = ? AND to_number = ? AND needs_reconciliation = TRUE"
                        + " ORDER BY seq DESC LIMIT 1 FOR UPDATE", this::map, provider.wireName(), from, to));
    }

    private static String truncate(String value) {
        return value == null || value.length() <= 500 ? value : value.substring(0, 500);
    }

    private static List<Map<String, Object>> trace(Message m) {
        return m.trace().stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("step", t.step());
            row.put("candidates", t.candidates());
            row.put("note", t.note());
            return row;
        }).toList();
    }

    private static List<Map<String, Object>> transitions(Message m) {
        return m.transitions().stream().map(t -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("status", t.status().wireName());
            row.put("at", t.at().toString());
            return row;
        }).toList();
    }

    private static List<Map<String, Object>> attempts(Message m) {
        return m.attempts().stream().map(a -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("from", a.from());
            row.put("provider", a.provider().wireName());
            row.put("outcome", a.outcome().wireName());
            row.put("code", a.code());
            row.put("detail", a.detail());
            row.put("at", a.at().toString());
            return row;
        }).toList();
    }

    private Message map(ResultSet rs) throws SQLException {
        Provider provider = Jdbc.wireName(Provider.class, rs.getString("provider"));
        Sender sender = new Sender(rs.getString("from_sender"), provider,
                WireName.parse(NumberType.class, rs.getString("number_type")),
                Jdbc.wireName(Reason.class, rs.getString("reason")));
        List<TraceStep> trace = json.read(rs.getString("trace"), ROWS).stream().map(r -> new TraceStep(
                (String) r.get("step"), ((Number) r.get("candidates")).intValue(), (String) r.get("note"))).toList();
        List<SendAttempt> attempts = json.read(rs.getString("attempts"), ROWS).stream().map(r -> new SendAttempt(
                (String) r.get("from"), Jdbc.wireName(Provider.class, (String) r.get("provider")),
                Jdbc.wireName(SendAttempt.Outcome.class, (String) r.get("outcome")), (String) r.get("code"),
                (String) r.get("detail"), Instant.parse((String) r.get("at")))).toList();
        return Message.reconstitute(new MessageId(rs.getString("id")), new AccountId(rs.getString("account_id")),
                new PoolId(rs.getString("pool_id")), new PhoneNumber(rs.getString("to_number")), rs.getString("body"),
                sender, Jdbc.wireName(MessageStatus.class, rs.getString("status")), rs.getString("provider_message_id"),
                rs.getString("error_code"), rs.getString("error_message"), rs.getBoolean("needs_reconciliation"),
                trace, attempts, Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "updated_at"),
                Optional.ofNullable(rs.getString("idempotency_key")), submission(rs),
                json.read(rs.getString("transitions"), ROWS).stream().map(r -> new StatusChange(
                        Jdbc.wireName(MessageStatus.class, (String) r.get("status")),
                        Instant.parse((String) r.get("at")))).toList(), Jdbc.instant(rs, "due_at"));
    }

    private static Submission submission(ResultSet rs) throws SQLException {
        return new Submission(Priority.ofLane(rs.getInt("lane")), Optional.ofNullable(Jdbc.instant(rs, "send_at")),
                Jdbc.instant(rs, "expires_at"), Optional.ofNullable(rs.getString("client_reference")),
                Optional.ofNullable(rs.getString("status_callback")).map(java.net.URI::create));
    }
}
