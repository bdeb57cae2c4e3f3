package dev.poolkeeper.adapters.persistence.jdbc;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Turns on Connector/J's multi-statements ({@code allowMultiQueries}) for every datasource, as a property
 * of the driver beside its URL: {@link Jdbc#writeTogether} sends a transaction's statements and its commit in
 * one packet. Every statement the adapters run binds its values as parameters, which Connector/J escapes,
 * so no value can end a statement and begin another.
 */
@Singleton
final class MultiStatements implements BeanCreatedEventListener<DatasourceConfiguration> {
    static final String PROPERTY = "allowMultiQueries";

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration configuration = event.getBean();
        configuration.addDataSourceProperty(PROPERTY, "true");
        return configuration;
    }
}
