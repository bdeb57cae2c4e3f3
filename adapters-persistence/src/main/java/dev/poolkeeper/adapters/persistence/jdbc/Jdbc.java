package dev.poolkeeper.adapters.persistence.jdbc;

import io.micronaut.data.connection.ConnectionOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import dev.poolkeeper.domain.shared.WireName;
import java.util.Collection;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-written SQL on the connection of the current Micronaut transaction. A call made inside a
 * {@code TransactionRunner} unit of work joins it; a call made outside runs in a transaction of its
 * own. Instants are stored as UTC {@code DATETIME(6)}.
 */
@Singleton
public final class Jdbc {
    /** MySQL's and MariaDB's "duplicate entry for key". */
    private static final int ER_DUP_ENTRY = 1062;

    private final TransactionOperations<Connection> transactions;
    private final ConnectionOperations<Connection> connections;

    public Jdbc(TransactionOperations<Connection> transactions, ConnectionOperations<Connection> connections) {
        this.transactions = transactions;
        this.connections = connections;
    }

    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection connection) throws SQLException;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    /**
     * A read of one statement: outside a transaction in autocommit mode, where the statement is its own
     * consistent snapshot and needs none of the begin/commit round trips of a read transaction (three more
     * per read on MySQL's protocol); inside a transaction, on its connection and snapshot. Reads that must
     * see one snapshot together run inside a {@code TransactionRunner} unit of work.
     */
    public <T> T read(Work<T> work) {
        return autocommit(work);
    }

    /**
     * Work on a connection in autocommit mode, outside any transaction (inside one, on its connection):
     * each statement commits by itself, without the begin/commit round trips of {@link #write}. For single
     * statements on hot paths.
     */
    public <T> T autocommit(Work<T> work) {
        return connections.executeWrite(status -> call(work, status.getConnection()));
    }

    /**
     * The rows of {@code select}, a query that ends in {@code IN}: the placeholders of {@code values} are
     * appended to it, bound after the {@code leading} parameters. No rows, and no query, for no values.
     */
    public <T> List<T> readIn(String select, RowMapper<T> mapper, List<?> leading, Collection<?> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return read(c -> query(c, select + " (" + placeholders(values.size()) + ")", mapper, params(leading, values)));
    }

    /**
     * Runs {@code statement}, a single write that ends in {@code IN}, as {@link #autocommit} runs it: the
     * placeholders of {@code values} are appended, bound after the {@code leading} parameters. Nothing is run for
     * no values; answers the rows changed.
     */
    public int updateIn(String statement, List<?> leading, Collection<?> values) {
        if (values.isEmpty()) {
            return 0;
        }
        return autocommit(c -> update(c, statement + " (" + placeholders(values.size()) + ")",
                params(leading, values)));
    }

    private static Object[] params(List<?> leading, Collection<?> values) {
        List<Object> params = new ArrayList<>(leading.size() + values.size());
        params.addAll(leading);
        params.addAll(values);
        return params.toArray();
    }

    public <T> T write(Work<T> work) {
        return transactions.executeWrite(status -> call(work, status.getConnection()));
    }

    /** True inside a transaction: reads see its snapshot, which may be older than what is committed. */
    public boolean inTransaction() {
        return transactions.findTransactionStatus().isPresent();
    }

    /**
     * Runs {@code then} once the current transaction has ended, committed or rolled back (at once when there is
     * none): for what must only happen after the writes before it are visible to every other connection, such as
     * forgetting what a cache holds of them.
     */
    public void afterTransaction(Runnable then) {
        transactions.findTransactionStatus().ifPresentOrElse(status -> status.registerSynchronization(
                new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(Status completed) {
                        then.run();
                    }
                }), then);
    }

    /**
     * Writes that need no answer from the database but their success, gathered to be sent in one exchange
     * (see {@link #writeTogether}). Its statements carry their parameters; each is one SQL statement
     * without its terminating semicolon.
     */
    public static final class Script {
        private final List<String> statements = new ArrayList<>();
        private final List<Object> params = new ArrayList<>();

        public Script add(String statement, Object... values) {
            statements.add(statement);
            params.addAll(java.util.Arrays.asList(values));
            return this;
        }

        /** The multi-row inserts of {@link Jdbc#insertRows}, added in order. */
        public <T> Script insertRows(String insertInto, List<T> rows, java.util.function.Function<T, List<?>> columns) {
            try {
                eachInsert(insertInto, rows, columns, this::add);
            } catch (SQLException e) {
                throw new IllegalStateException(e); // adding a statement does not reach the database
            }
            return this;
        }

        public boolean isEmpty() {
            return statements.isEmpty();
        }

        int size() {
            return statements.size();
        }
    }

    /**
     * Runs {@code script} as one transaction sent to the database in one exchange: {@code START TRANSACTION},
     * its statements and {@code COMMIT} in one multi-statement packet, where a transaction of
     * {@link #write} costs an exchange for each statement and three more for its begin and commit (Connector/J
     * switches autocommit off and on again around it). Inside a unit of work its statements join that
     * unit, still in one exchange, and commit with it. The first statement that fails stops the script:
     * what it wrote is rolled back and the failure thrown; a deadlock victim is run again, as
     * {@link JdbcTransactionRunner} runs a unit again. Needs multi-statements on the connection, which
     * {@link DriverProperties} turns on for every datasource.
     */
    public void writeTogether(Script script) {
        if (script.isEmpty()) {
            return;
        }
        boolean alone = !inTransaction();
        String sql = String.join(";\n", script.statements);
        for (int attempt = 1; ; attempt++) {
            try {
                autocommit(c -> {
                    run(c, alone ? "START TRANSACTION;\n" + sql + ";\nCOMMIT" : sql, script.params, alone);
                    return null;
                });
                return;
            } catch (PersistenceException e) {
                if (!alone || attempt >= JdbcTransactionRunner.MAX_ATTEMPTS || !JdbcTransactionRunner.isDeadlock(e)) {
                    throw e;
                }
            }
        }
    }

    /** Executes a multi-statement and reads every result, so that a failure of any statement is seen. */
    private static void run(Connection c, String sql, List<Object> params, boolean rollBackOnFailure)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params.toArray())) {
            boolean resultSet = ps.execute();
            while (resultSet || ps.getUpdateCount() != -1) {
                resultSet = ps.getMoreResults();
            }
        } catch (SQLException e) {
            if (rollBackOnFailure) {
                rollBack(c, e);
            }
            throw e;
        }
    }

    /** Ends the transaction a failed script began, so that the connection goes back to its pool without it. */
    private static void rollBack(Connection c, SQLException failure) {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e); // the connection is broken; the server rolls back when it closes
        }
    }

    private static <T> T call(Work<T> work, Connection connection) {
        try {
            return work.apply(connection);
        } catch (SQLException e) {
            throw new PersistenceException(e);
        }
    }

    public static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        bind(ps, params);
        return ps;
    }

    public static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (p instanceof Instant instant) {
                ps.setObject(i + 1, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    public static <T> List<T> query(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
            return rows;
        }
    }

    public static <T> Optional<T> queryOne(Connection c, String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
        List<T> rows = query(c, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public static long count(Connection c, String sql, Object... params) throws SQLException {
        return queryOne(c, sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    /** A stored wire name read back; a value the code does not know is a broken row, not a default. */
    public static <E extends Enum<E> & WireName> E wireName(Class<E> type, String value) {
        return WireName.parse(type, value).orElseThrow(() ->
                new IllegalStateException("unknown " + type.getSimpleName() + " '" + value + "' in the database"));
    }

    /**
     * Runs an insert; false instead of an exception when a unique key already holds the row (the caller's
     * "someone was first"), any other failure thrown as it is.
     */
    public static boolean insertUnlessDuplicate(Connection c, Work<?> insert) throws SQLException {
        try {
            insert.apply(c);
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    public static boolean isDuplicateKey(SQLException e) {
        return e.getErrorCode() == ER_DUP_ENTRY || "23000".equals(e.getSQLState())
                && e.getMessage() != null && e.getMessage().contains("Duplicate entry");
    }

    /** The placeholders for an IN list of {@code n} values: {@code ?, ?, ?}. */
    public static String placeholders(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /** Rows per multi-row insert at most. */
    private static final int ROWS_PER_INSERT = 500;
    /** Values per multi-row insert at most: far below the protocol's 65,535 placeholders, a modest packet. */
    private static final int VALUES_PER_INSERT = 10_000;

    /**
     * Inserts {@code rows}, in order, with as few multi-row statements as {@value #ROWS_PER_INSERT} rows and
     * {@value #VALUES_PER_INSERT} values a statement allow; {@code insertInto} is the statement up to and
     * including {@code VALUES }, {@code columns} a row's values in its column order. A statement that fails is
     * thrown as it is (InnoDB rolls back that statement alone; the rows of earlier ones stay in the unit of
     * work).
     */
    public static <T> void insertRows(Connection c, String insertInto, List<T> rows,
                                      java.util.function.Function<T, List<?>> columns) throws SQLException {
        eachInsert(insertInto, rows, columns, (sql, params) -> update(c, sql, params));
    }

    /** The statements of {@link #insertRows}, as they would be executed. */
    @FunctionalInterface
    private interface Statements {
        void accept(String sql, Object[] params) throws SQLException;
    }

    private static <T> void eachInsert(String insertInto, List<T> rows, java.util.function.Function<T, List<?>> columns,
                                       Statements statements) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        List<List<?>> values = rows.stream().<List<?>>map(columns).toList();
        int width = values.get(0).size();
        String row = "(" + placeholders(width) + ")";
        int perStatement = Math.max(1, Math.min(ROWS_PER_INSERT, VALUES_PER_INSERT / width));
        for (int from = 0; from < values.size(); from += perStatement) {
            List<List<?>> chunk = values.subList(from, Math.min(values.size(), from + perStatement));
            List<Object> params = new ArrayList<>(chunk.size() * width);
            chunk.forEach(params::addAll);
            statements.accept(insertInto + String.join(", ", java.util.Collections.nCopies(chunk.size(), row)),
                    params.toArray());
        }
    }
}
