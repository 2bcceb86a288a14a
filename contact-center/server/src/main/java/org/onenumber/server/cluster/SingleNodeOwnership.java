package org.onenumber.server.cluster;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.function.Consumer;

/** One node alone (the cluster off): it always routes, and its writes need no fence. */
@Singleton
@Requires(property = "onenumber.cluster.enabled", notEquals = "true")
public final class SingleNodeOwnership implements RoutingOwnership {

  @Override
  public boolean owner() {
    return true;
  }

  @Override
  public void fence() {
    // nobody else can route
  }

  @Override
  public void whenChanged(Consumer<Boolean> listener) {
    // never changes
  }

  @Override
  public Map<String, Object> describe() {
    return Map.of("role", "single");
  }
}
