package org.onenumber.server.events;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * The embedded Vert.x instance: local by default; with {@code onenumber.cluster.enabled=true} its
 * event bus is clustered with Hazelcast ({@link HazelcastMembers}: TCP-IP member list, no
 * multicast), so domain events reach every node. Closed when the application context stops.
 */
@Factory
final class VertxFactory {

  @Singleton
  @Bean(preDestroy = "close")
  Vertx vertx(@Value("${onenumber.cluster.enabled:false}") boolean clustered, HazelcastMembers members) {
    VertxOptions options = new VertxOptions()
        .setEventLoopPoolSize(2)
        .setMaxEventLoopExecuteTime(2)
        .setMaxEventLoopExecuteTimeUnit(TimeUnit.SECONDS);
    return clustered ? members.join(options) : Vertx.vertx(options);
  }
}
