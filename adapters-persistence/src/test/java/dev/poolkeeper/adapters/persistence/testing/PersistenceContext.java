package dev.poolkeeper.adapters.persistence.testing;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Micronaut context with the persistence adapters on a fresh database, migrated by Flyway, for one test
 * class: {@code @RegisterExtension static final PersistenceContext DB = new PersistenceContext();}, then
 * {@code DB.bean(...)}. Started before the class's {@code @BeforeAll} methods, closed after it.
 */
public final class PersistenceContext implements BeforeAllCallback, AfterAllCallback {
    private final Map<String, Object> more;
    private ApplicationContext context;

    public PersistenceContext() {
        this(Map.of());
    }

    /** With {@code more} properties besides the database's. */
    public PersistenceContext(Map<String, Object> more) {
        this.more = Map.copyOf(more);
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        Map<String, Object> properties = new java.util.HashMap<>(TestDatabase.freshSchema().properties());
        properties.putAll(more);
        context = ApplicationContext.run(properties);
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        context.close();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }
}
