package org.onenumber.server.persistence;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * Publishes {@link Jdbc#statements} as the Prometheus counter {@code onenumber_sql_statements_total}:
 * every statement, savepoint, commit and rollback sent to the database, so that the statements a
 * webhook costs can be counted ({@code bin/bench webhooks} prints {@code sql_per_webhook}).
 */
@Context
final class SqlStatementMetrics {

  SqlStatementMetrics(Jdbc jdbc, MeterRegistry registry) {
    FunctionCounter.builder("onenumber.sql.statements", jdbc, Jdbc::statements)
        .description("Statements, savepoints, commits and rollbacks sent to the database").register(registry);
  }
}
