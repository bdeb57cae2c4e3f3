package dev.poolkeeper.adapters.persistence.jdbc;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Connector/J's properties for every datasource, set beside its URL:
 * <ul>
 *   <li>multi-statements ({@code allowMultiQueries}): {@link Jdbc#writeTogether} sends a transaction's statements
 *       and its commit in one packet. Every statement the adapters run binds its values as parameters, which
 *       Connector/J escapes, so no value can end a statement and begin another;</li>
 *   <li>a cache, per connection, of what the driver learns by parsing a statement's text for its placeholders
 *       ({@code cachePrepStmts}): the hot paths run the same texts again and again (a batch's multi-row inserts
 *       differ only with the batch's size). Preparing statements took a fifth of a sender selection's CPU and
 *       a sixth of an accepted message's, most of it parsing (JFR); with the cache, a tenth and a sixteenth.
 *       Texts up to 16 KB (a batch of a few dozen messages), the 256 most recently used per connection.</li>
 * </ul>
 * The cache's settings give way to the configuration's own ({@code datasources.default.data-source-properties});
 * multi-statements are always on.
 */
@Singleton
final class DriverProperties implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final String MULTI_STATEMENTS = "allowMultiQueries";
    static final Map<String, String> DEFAULTS = Map.of(
            "cachePrepStmts", "true",
            "prepStmtCacheSize", "256",
            "prepStmtCacheSqlLimit", "16384");

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        return apply(event.getBean());
    }

    static DatasourceConfiguration apply(DatasourceConfiguration configuration) {
        configuration.addDataSourceProperty(MULTI_STATEMENTS, "true");
        DEFAULTS.forEach((name, value) -> {
            if (configuration.getDataSourceProperties().getProperty(name) == null) {
                configuration.addDataSourceProperty(name, value);
            }
        });
        return configuration;
    }
}
