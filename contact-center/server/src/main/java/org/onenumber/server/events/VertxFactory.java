package org.onenumber.server.events;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * The embedded Vert.x instance: local (not clustered) by default. Closed when the application
 * context stops.
 */
@Factory
final class VertxFactory {

  @Singleton
  @Bean(preDestroy = "close")
  Vertx vertx() {
    return Vertx.vertx(new VertxOptions()
        .setEventLoopPoolSize(2)
        .setMaxEventLoopExecuteTime(2)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS));
  }
}
