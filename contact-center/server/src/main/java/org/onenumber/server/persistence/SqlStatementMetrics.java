package org.onenumber.server.persistence;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * Publishes {@link Jdbc#statements} as the Prometheus counter {@code onenumber_sql_statements_total}:
 * every statement, savepoint, commit and rollback sent to the database, so that the statements a
 * webhook costs can be counted ({@code bin/bench webhooks} prints {@code sql_per_webhook}); and, on an H2
 * file, {@code onenumber_h2_writes_past_single_writer_total}: writes that waited over 10 s for another
 * transaction's commit and went on beside it ({@link H2SingleWriter}; 0 unless a writer waits for a thread
 * that must write itself).
 */
@Context
final class SqlStatementMetrics {

  SqlStatementMetrics(Jdbc jdbc, MeterRegistry registry) {
    FunctionCounter.builder("onenumber.sql.statements", jdbc, Jdbc::statements)
        .description("Statements, savepoints, commits and rollbacks sent to the database").register(registry);
    FunctionCounter.builder("onenumber.h2.writes.past.single.writer", jdbc, Jdbc::h2WritesPastTheSingleWriter)
        .description("H2 writes that waited past the single writer's patience and went on beside another transaction")
        .register(registry);
  }
}
