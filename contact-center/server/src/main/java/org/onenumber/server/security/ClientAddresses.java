package org.onenumber.server.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.DefaultHttpClientAddressResolver;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/**
 * The address a request comes from, as every per-address rate limit and audit entry sees it. The
 * connection's peer, unless the peer is one of {@code onenumber.trusted-proxies} (comma-separated
 * addresses or CIDR ranges, default none: {@link TrustedProxies}): then the right-most {@code X-Forwarded-For} entry that is not itself
 * a trusted proxy (what lies left of it is the client's own claim). Micronaut's default resolver
 * believes {@code Forwarded}/{@code X-Forwarded-For} from anyone, so a flood with a fresh header
 * per request escaped every per-address limit; this one replaces it. Thread-safe.
 */
@Singleton
@Replaces(DefaultHttpClientAddressResolver.class)
public final class ClientAddresses implements HttpClientAddressResolver {

  private static final String FORWARDED_FOR = "X-Forwarded-For";
  private final TrustedProxies trusted;

  ClientAddresses(@Value("${onenumber.trusted-proxies:}") String trustedProxies) {
    this.trusted = new TrustedProxies(trustedProxies);
  }

  @Override
  @SuppressWarnings("rawtypes")
  public String resolve(@NonNull HttpRequest request) {
    String peer = peer(request.getRemoteAddress());
    if (!trusted.contains(peer)) {
      return peer;
    }
    List<String> hops = request.getHeaders().getAll(FORWARDED_FOR).stream()
        .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
    for (int i = hops.size() - 1; i >= 0; i--) {
      if (!trusted.contains(hops.get(i))) {
        return hops.get(i);
      }
    }
    return peer;
  }

  private static String peer(InetSocketAddress remote) {
    if (remote == null) {
      return "unknown";
    }
    return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
  }
}
