package org.onenumber.channels.media;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How {@link HttpRemoteMedia} fetches links.
 *
 * @param guard the addresses that may be reached
 * @param allowHttp whether plain {@code http} links are fetched (https only otherwise)
 * @param maxBytes the largest body read; a larger one is refused while streaming
 * @param connectTimeout the longest wait for a connection
 * @param timeout the longest a whole fetch may take, redirects and slow bodies included
 * @param maxRedirects redirects followed, each re-checked like the first link (0: none)
 * @param credentials per {@code source}, the HTTP Basic credentials sent to that source's origin
 *     only (Twilio's account for MMS media); never sent to another origin or after a redirect to one
 */
public record MediaFetchSettings(AddressGuard guard, boolean allowHttp, int maxBytes, Duration connectTimeout,
    Duration timeout, int maxRedirects, Map<String, Credentials> credentials) {

  /** HTTP Basic credentials for one origin ({@code https://api.twilio.com}). */
  public record Credentials(URI origin, String user, String password) {
    public Credentials {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }

    boolean sameOrigin(URI url) {
      return origin.getScheme().equalsIgnoreCase(url.getScheme()) && origin.getHost().equalsIgnoreCase(url.getHost())
          && port(origin) == port(url);
    }

    private static int port(URI u) {
      return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
  }

  public MediaFetchSettings {
    Objects.requireNonNull(guard, "guard");
    credentials = Map.copyOf(credentials);
    if (maxBytes < 1 || maxRedirects < 0 || connectTimeout.isNegative() || timeout.isNegative()) {
      throw new IllegalArgumentException("media fetch settings out of range");
    }
  }
}
