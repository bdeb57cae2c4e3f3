package dev.poolkeeper.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.poolkeeper.adapters.persistence.testing.PersistenceContext;
import dev.poolkeeper.application.port.out.tx.TransactionRunner;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link Jdbc#writeTogether}: a script's statements commit together or not at all, in one exchange. */
class WriteTogetherTest {
    @RegisterExtension
    static final PersistenceContext DB = new PersistenceContext();

    private Jdbc jdbc;

    @BeforeEach
    void table() {
        jdbc = DB.bean(Jdbc.class);
        jdbc.autocommit(c -> Jdbc.update(c, "CREATE TABLE IF NOT EXISTS scratch (id VARCHAR(20) NOT NULL PRIMARY KEY,"
                + " note VARCHAR(100) NULL)"));
        jdbc.autocommit(c -> Jdbc.update(c, "DELETE FROM scratch"));
    }

    private List<String> rows() {
        return jdbc.read(c -> Jdbc.query(c, "SELECT CONCAT(id, '=', COALESCE(note, '-')) FROM scratch ORDER BY id",
                rs -> rs.getString(1)));
    }

    @Test
    void aScriptsStatementsAreAllCommittedWithTheirOwnParameters() {
        jdbc.writeTogether(new Jdbc.Script()
                .insertRows("INSERT INTO scratch (id, note) VALUES ", List.of("a", "b"), id -> List.of(id, "n" + id))
                .add("UPDATE scratch SET note = ? WHERE id = ?", "x;'); DELETE FROM scratch; --", "a")
                .add("INSERT INTO scratch (id, note) VALUES (?, ?)", "c", null));

        assertEquals(List.of("a=x;'); DELETE FROM scratch; --", "b=nb", "c=-"), rows());
    }

    @Test
    void aStatementThatFailsRollsBackTheStatementsBeforeItAndTheConnectionsGoBackClean() {
        jdbc.writeTogether(new Jdbc.Script().add("INSERT INTO scratch (id) VALUES (?)", "taken"));

        PersistenceException failure = assertThrows(PersistenceException.class, () -> jdbc.writeTogether(
                new Jdbc.Script()
                        .add("INSERT INTO scratch (id) VALUES (?)", "first")
                        .add("UPDATE scratch SET note = ? WHERE id = ?", "changed", "taken")
                        .add("INSERT INTO scratch (id) VALUES (?)", "taken")
                        .add("INSERT INTO scratch (id) VALUES (?)", "never")));

        assertTrue(Jdbc.isDuplicateKey((java.sql.SQLException) failure.getCause()), failure.toString());
        assertEquals(List.of("taken=-"), rows());
        // every pooled connection, the one that failed among them, is out of any transaction: what each
        // writes in autocommit mode is seen at once by the others
        IntStream.range(0, 30).parallel().forEach(i ->
                jdbc.autocommit(c -> Jdbc.update(c, "INSERT INTO scratch (id) VALUES (?)", "p" + i)));
        assertEquals(31, rows().size());
    }

    @Test
    void insideAUnitOfWorkTheScriptJoinsItAndIsRolledBackWithIt() {
        TransactionRunner tx = DB.bean(TransactionRunner.class);

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> tx.run(() -> {
            jdbc.writeTogether(new Jdbc.Script().add("INSERT INTO scratch (id) VALUES (?)", "inner"));
            long inside = jdbc.read(c -> Jdbc.count(c, "SELECT COUNT(*) FROM scratch WHERE id = 'inner'"));
            assertEquals(1, inside);
            throw new IllegalStateException("the unit fails");
        }));

        assertEquals("the unit fails", failure.getMessage());
        assertEquals(List.of(), rows());
    }

    @Test
    void anEmptyScriptReachesNoDatabase() {
        jdbc.writeTogether(new Jdbc.Script());

        assertEquals(List.of(), rows());
    }
}
