package dev.poolkeeper.adapters.persistence.jdbc;

import java.sql.SQLException;

/** A database failure no rule explains (lost connection, syntax, timeout). Never shown to clients. */
public final class PersistenceException extends RuntimeException {
    public PersistenceException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public SQLException sqlCause() {
        return (SQLException) getCause();
    }
}
