package dev.poolkeeper.adapters.persistence.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import org.junit.jupiter.api.Test;

/** Every datasource gets multi-statements, always, and the statement cache unless configured otherwise. */
class DriverPropertiesTest {

    @Test
    void aDatasourceConfiguredWithNoDriverPropertiesGetsMultiStatementsAndTheStatementCache() {
        DatasourceConfiguration configuration = DriverProperties.apply(new DatasourceConfiguration("default"));

        assertEquals("true", configuration.getDataSourceProperties().getProperty("allowMultiQueries"));
        assertEquals("true", configuration.getDataSourceProperties().getProperty("cachePrepStmts"));
        assertEquals("256", configuration.getDataSourceProperties().getProperty("prepStmtCacheSize"));
        assertEquals("16384", configuration.getDataSourceProperties().getProperty("prepStmtCacheSqlLimit"));
    }

    @Test
    void theConfigurationsOwnCacheSettingsAreKeptAndMultiStatementsCannotBeTurnedOff() {
        DatasourceConfiguration configured = new DatasourceConfiguration("default");
        configured.addDataSourceProperty("cachePrepStmts", "false");
        configured.addDataSourceProperty("prepStmtCacheSize", "64");
        configured.addDataSourceProperty("allowMultiQueries", "false");

        DatasourceConfiguration configuration = DriverProperties.apply(configured);

        assertEquals("false", configuration.getDataSourceProperties().getProperty("cachePrepStmts"));
        assertEquals("64", configuration.getDataSourceProperties().getProperty("prepStmtCacheSize"));
        assertEquals("16384", configuration.getDataSourceProperties().getProperty("prepStmtCacheSqlLimit"));
        assertEquals("true", configuration.getDataSourceProperties().getProperty("allowMultiQueries"),
                "the outbox's writes need multi-statements");
    }
}
