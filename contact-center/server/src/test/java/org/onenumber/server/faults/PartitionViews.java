package org.onenumber.server.faults;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a node says about who routes what, over HTTP as a supervisor's page or a load balancer asks
 * it: {@code GET /api/v1/cluster/partitions} (logged in) and {@code GET
 * /api/v1/cluster/partitions/{partition}/readiness} (anonymous). A node that does not answer says
 * nothing (empty, status 0).
 */
final class PartitionViews {

  private static final JsonMapper JSON = JsonMapper.createDefault();

  private PartitionViews() {}

  /** {@code partition}'s entry in {@code node}'s view (owner, routedHere, waiting, …), if the node answered. */
  @SuppressWarnings("unchecked")
  static Optional<Map<String, Object>> view(HttpClient http, URI node, String token, String partition) {
    try {
      HttpResponse<String> answer = http.send(HttpRequest.newBuilder(node.resolve("/api/v1/cluster/partitions"))
          .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(3)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        return Optional.empty();
      }
      Map<String, Object> body = JSON.readValue(answer.body(), Map.class);
      return ((List<Map<String, Object>>) body.get("partitions")).stream()
          .filter(p -> partition.equals(p.get("partition"))).findFirst();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** True when {@code node}'s view names {@code owner} as {@code partition}'s owner, routed here or not as {@code here}. */
  static boolean says(HttpClient http, URI node, String token, String partition, String owner, boolean here) {
    return view(http, node, token, partition).filter(p -> owner.equals(p.get("owner"))
        && Boolean.valueOf(here).equals(p.get("routedHere")) && Boolean.FALSE.equals(p.get("leaseExpired"))).isPresent();
  }

  /** The status of {@code node}'s anonymous readiness of {@code partition}: 200 routed there, 503 not; 0 no answer. */
  static int readiness(HttpClient http, URI node, String partition) {
    try {
      return http.send(HttpRequest.newBuilder(node.resolve("/api/v1/cluster/partitions/" + partition + "/readiness"))
          .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }
}
