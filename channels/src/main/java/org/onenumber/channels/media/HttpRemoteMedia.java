package org.onenumber.channels.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.onenumber.core.casework.media.MediaRefusedException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.RemoteMedia;

/**
 * Fetches a citizen's picture link with Apache HttpClient 5, guarded against server-side request
 * forgery. One fetch, in order:
 *
 * <ol>
 *   <li>The link must be {@code https} ({@code http} only when {@link MediaFetchSettings#allowHttp()}),
 *       name a host and carry no user name; refused otherwise.
 *   <li>The host is resolved once by {@link GuardedDnsResolver}; an address the {@link AddressGuard}
 *       refuses refuses the link, and the connection goes to the checked address. No proxy, no
 *       cookies, no automatic retries, no transparent decompression.
 *   <li>The source's credentials ({@link MediaFetchSettings#credentials()}) go only to their own
 *       origin.
 *   <li>A redirect (301, 302, 303, 307, 308) is followed by hand, at most {@link
 *       MediaFetchSettings#maxRedirects()} times, each new link checked from step 1 (credentials
 *       dropped for another origin).
 *   <li>2xx: the body is read while counting; more than {@link MediaFetchSettings#maxBytes()} (or a
 *       larger {@code Content-Length}) is refused before the rest is read, and a fetch over {@link
 *       MediaFetchSettings#timeout()} is given up; either way the connection is dropped, never read
 *       to its end. The type is not judged here: the caller sniffs the bytes.
 *   <li>4xx and other statuses: refused ({@link MediaRefusedException}); 5xx, timeouts and
 *       unreachable hosts: {@link RetriableException}.
 * </ol>
 *
 * Thread-safe (a pooled client).
 */
public final class HttpRemoteMedia implements RemoteMedia, AutoCloseable {

  private final MediaFetchSettings settings;
  private final CloseableHttpClient http;

  public HttpRemoteMedia(MediaFetchSettings settings) {
    this(settings, InetAddress::getAllByName);
  }

  HttpRemoteMedia(MediaFetchSettings settings, GuardedDnsResolver.Lookup lookup) {
    this.settings = settings;
    Timeout timeout = Timeout.of(settings.timeout());
    var connections = PoolingHttpClientConnectionManagerBuilder.create()
        .setDnsResolver(new GuardedDnsResolver(settings.guard(), lookup))
        .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(settings.connectTimeout()))
            .setSocketTimeout(timeout).build())
        .setMaxConnTotal(16).setMaxConnPerRoute(4).build();
    this.http = HttpClients.custom().setConnectionManager(connections).disableRedirectHandling()
        .disableAutomaticRetries().disableContentCompression().disableCookieManagement().disableAuthCaching()
        .setUserAgent("OneNumber media fetch")
        .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout).build()).build();
  }

  @Override
  public byte[] fetch(URI url, String source) {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    MediaFetchSettings.Credentials credentials = settings.credentials().get(source);
    URI current = url;
    for (int hop = 0; ; hop++) {
      check(current);
      HttpGet get = new HttpGet(current);
      get.setHeader("Accept", "image/*");
      if (credentials != null && credentials.sameOrigin(current)) {
        get.setHeader("Authorization", basic(credentials));
      }
      Answer answer = execute(get, deadline);
      if (answer.body() != null) {
        return answer.body();
      }
      if (hop >= settings.maxRedirects()) {
        throw new MediaRefusedException("the link redirects more than " + settings.maxRedirects() + " times");
      }
      current = current.resolve(answer.location());
    }
  }

  private void check(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !(scheme.equals("http") && settings.allowHttp())) {
      throw new MediaRefusedException(settings.allowHttp() ? "only http and https links are fetched"
          : "only https links are fetched");
    }
    if (url.getHost() == null || url.getHost().isBlank()) {
      throw new MediaRefusedException("the link names no host");
    }
    if (url.getRawUserInfo() != null) {
      throw new MediaRefusedException("links with a user name are not fetched");
    }
  }

  /** A response: the body, or the {@code Location} of a redirect. */
  private record Answer(byte[] body, URI location) {}

  private Answer execute(HttpGet get, long deadline) {
    try {
      return http.execute(get, response -> {
        try {
          return answer(get, response, deadline);
        } catch (RuntimeException refusedOrSlow) {
          get.cancel(); // drop the connection: the client would otherwise read the rest of the body
          throw refusedOrSlow;
        }
      });
    } catch (GuardedDnsResolver.RefusedAddressException e) {
      throw new MediaRefusedException(e.getMessage());
    } catch (SSLException e) {
      throw new MediaRefusedException("the link's TLS connection failed: " + e.getMessage());
    } catch (IOException e) {
      throw new RetriableException("the link could not be fetched: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
    }
  }

  private Answer answer(HttpGet get, ClassicHttpResponse response, long deadline) throws IOException {
    int status = response.getCode();
    if (status >= 200 && status < 300) {
      return new Answer(read(get, response.getEntity(), deadline), null);
    }
    if (status == 301 || status == 302 || status == 303 || status == 307 || status == 308) {
      Header location = response.getFirstHeader("Location");
      if (location == null || location.getValue().isBlank()) {
        throw new MediaRefusedException("the link redirects without a Location");
      }
      try {
        return new Answer(null, URI.create(location.getValue().strip()));
      } catch (IllegalArgumentException e) {
        throw new MediaRefusedException("the link redirects to something that is not a URL");
      }
    }
    if (status >= 500) {
      throw new RetriableException("the link's server answered " + status, null);
    }
    throw new MediaRefusedException("the link's server answered " + status);
  }

  /**
   * Reads at most the cap. Giving up cancels the request first: closing the body's stream would
   * otherwise read it to its end (the client keeps connections reusable), which an endless or slow
   * body never reaches.
   */
  private byte[] read(HttpGet get, HttpEntity entity, long deadline) throws IOException {
    if (entity == null) {
      throw new MediaRefusedException("the link answered no body");
    }
    if (entity.getContentLength() > settings.maxBytes()) {
      get.cancel();
      throw new MediaRefusedException("the picture is larger than " + settings.maxBytes() / 1024 + " KB");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    InputStream in = entity.getContent();
    boolean whole = false;
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        if (out.size() + n > settings.maxBytes()) {
          throw new MediaRefusedException("the picture is larger than " + settings.maxBytes() / 1024 + " KB");
        }
        if (System.nanoTime() > deadline) {
          throw new RetriableException("the link took longer than " + settings.timeout().toSeconds() + " s", null);
        }
        out.write(buffer, 0, n);
      }
      whole = true;
    } finally {
      if (!whole) {
        get.cancel();
      }
      in.close();
    }
    return out.toByteArray();
  }

  private static String basic(MediaFetchSettings.Credentials c) {
    return "Basic " + Base64.getEncoder().encodeToString((c.user() + ":" + c.password())
        .getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
