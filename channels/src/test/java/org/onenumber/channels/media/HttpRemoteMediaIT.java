package org.onenumber.channels.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.casework.media.MediaRefusedException;
import org.onenumber.core.error.RetriableException;

/**
 * {@link HttpRemoteMedia} against a real HTTP server on 127.0.0.1: a JPEG is fetched when loopback
 * is explicitly allowed and refused, before any connection, when it is not — whether the link names
 * the address or a host name resolving to it; redirects are re-checked; the size cap holds without
 * a Content-Length; credentials go to their own origin only.
 */
class HttpRemoteMediaIT {

  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
  private static final String TWILIO_AUTH = "Basic " + java.util.Base64.getEncoder()
      .encodeToString("AC1:secret".getBytes());

  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final HttpServer server = start();
  private final String base = "http://127.0.0.1:" + server.getAddress().getPort();
  private final GuardedDnsResolver.Lookup lookup = host -> switch (host) {
    case "media.example.test", "localhost" -> new InetAddress[] {InetAddress.getByName("127.0.0.1")};
    default -> InetAddress.getAllByName(host);
  };

  private HttpServer start() {
    try {
      HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      s.createContext("/", this::handle);
      s.start();
      return s;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private void handle(HttpExchange x) throws IOException {
    String path = x.getRequestURI().getPath();
    String auth = x.getRequestHeaders().getFirst("Authorization");
    seen.add(path + " " + auth);
    switch (path) {
      case "/photo.jpg" -> send(x, 200, JPEG, true);
      case "/twilio-media" -> {
        if (TWILIO_AUTH.equals(auth)) {
          send(x, 200, JPEG, true);
        } else {
          send(x, 401, new byte[0], true);
        }
      }
      case "/to-metadata" -> redirect(x, "http://169.254.169.254/latest/meta-data/");
      case "/to-photo" -> redirect(x, "/photo.jpg");
      case "/to-other-origin" -> redirect(x, "http://localhost:" + server.getAddress().getPort() + "/photo.jpg");
      case "/loop" -> redirect(x, "/loop");
      case "/big" -> send(x, 200, new byte[64 * 1024], false);
      case "/endless" -> endless(x);
      case "/slow" -> slow(x);
      case "/broken" -> send(x, 503, new byte[0], true);
      default -> send(x, 404, new byte[0], true);
    }
  }

  private static void send(HttpExchange x, int status, byte[] body, boolean withLength) throws IOException {
    x.getResponseHeaders().set("Content-Type", "image/jpeg");
    x.sendResponseHeaders(status, body.length == 0 ? -1 : withLength ? body.length : 0);
    try (OutputStream out = x.getResponseBody()) {
      out.write(body);
    }
  }

  /** A body that never ends (chunked), until the client hangs up. */
  private static void endless(HttpExchange x) throws IOException {
    x.sendResponseHeaders(200, 0);
    try (OutputStream out = x.getResponseBody()) {
      byte[] chunk = new byte[8192];
      while (true) {
        out.write(chunk);
        out.flush();
      }
    } catch (IOException clientHungUp) {
      x.close();
    }
  }

  /** A picture that starts, then drips one byte every 200 ms, until the client hangs up. */
  private static void slow(HttpExchange x) throws IOException {
    x.sendResponseHeaders(200, 0);
    try (OutputStream out = x.getResponseBody()) {
      out.write(JPEG);
      while (true) {
        out.write(0);
        out.flush();
        java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L);
      }
    } catch (IOException clientHungUp) {
      x.close();
    }
  }

  private static void redirect(HttpExchange x, String location) throws IOException {
    x.getResponseHeaders().set("Location", location);
    x.sendResponseHeaders(302, -1);
    x.close();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private HttpRemoteMedia media(AddressGuard guard, boolean allowHttp) {
    return new HttpRemoteMedia(new MediaFetchSettings(guard, allowHttp, 16 * 1024, Duration.ofSeconds(2),
        Duration.ofSeconds(5), 3, Map.of("mms", new MediaFetchSettings.Credentials(URI.create(base), "AC1",
            "secret"))), lookup);
  }

  private HttpRemoteMedia loopbackAllowed() {
    return media(AddressGuard.allowing(List.of("127.0.0.0/8")), true);
  }

  @Test
  void aJpegIsFetchedWhenLoopbackIsExplicitlyAllowed() throws Exception {
    try (HttpRemoteMedia media = loopbackAllowed()) {
      assertArrayEquals(JPEG, media.fetch(URI.create(base + "/photo.jpg"), "open311"));
      assertArrayEquals(JPEG, media.fetch(URI.create("http://media.example.test:" + server.getAddress().getPort()
          + "/photo.jpg"), "open311"));
    }
  }

  @Test
  void aLinkToLoopbackIsRefusedWithoutConnectingWhenLoopbackIsNotAllowed() throws Exception {
    try (HttpRemoteMedia media = media(AddressGuard.publicOnly(), true)) {
      var byAddress = assertThrows(MediaRefusedException.class,
          () -> media.fetch(URI.create(base + "/photo.jpg"), "open311"));
      assertTrue(byAddress.getMessage().contains("127.0.0.1"), byAddress.getMessage());
      assertThrows(MediaRefusedException.class, () -> media.fetch(URI.create("http://media.example.test:"
          + server.getAddress().getPort() + "/photo.jpg"), "open311"));
      assertThrows(MediaRefusedException.class, () -> media.fetch(URI.create("http://2130706433:"
          + server.getAddress().getPort() + "/photo.jpg"), "open311"));
      assertThrows(MediaRefusedException.class, () -> media.fetch(URI.create("http://[::ffff:127.0.0.1]:"
          + server.getAddress().getPort() + "/photo.jpg"), "open311"));
    }
    assertTrue(seen.isEmpty(), "nothing reached the server: " + seen);
  }

  @Test
  void plainHttpIsRefusedUnlessConfigured() throws Exception {
    try (HttpRemoteMedia media = media(AddressGuard.allowing(List.of("127.0.0.0/8")), false)) {
      var e = assertThrows(MediaRefusedException.class, () -> media.fetch(URI.create(base + "/photo.jpg"), "open311"));
      assertEquals("only https links are fetched", e.getMessage());
    }
    assertTrue(seen.isEmpty());
  }

  @Test
  void aRedirectIsCheckedLikeTheFirstLink() throws Exception {
    try (HttpRemoteMedia media = loopbackAllowed()) {
      assertArrayEquals(JPEG, media.fetch(URI.create(base + "/to-photo"), "open311"));
      var metadata = assertThrows(MediaRefusedException.class,
          () -> media.fetch(URI.create(base + "/to-metadata"), "open311"));
      assertTrue(metadata.getMessage().contains("169.254.169.254"), metadata.getMessage());
      var loop = assertThrows(MediaRefusedException.class, () -> media.fetch(URI.create(base + "/loop"), "open311"));
      assertEquals("the link redirects more than 3 times", loop.getMessage());
    }
  }

  @Test
  void aBodyOverTheCapIsRefusedWhileStreaming() throws Exception {
    try (HttpRemoteMedia media = loopbackAllowed()) {
      var e = assertThrows(MediaRefusedException.class, () -> media.fetch(URI.create(base + "/big"), "open311"));
      assertEquals("the picture is larger than 16 KB", e.getMessage());
    }
  }

  @Test
  void anEndlessBodyIsCutOffAtTheCapAndTheConnectionDropped() throws Exception {
    try (HttpRemoteMedia media = loopbackAllowed()) {
      var e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10),
          () -> assertThrows(MediaRefusedException.class, () -> media.fetch(URI.create(base + "/endless"), "open311")));
      assertEquals("the picture is larger than 16 KB", e.getMessage());
      assertArrayEquals(JPEG, media.fetch(URI.create(base + "/photo.jpg"), "open311"), "the client still works");
    }
  }

  @Test
  void aBodyThatDripsPastTheTimeoutIsGivenUpAndMayBeRetried() {
    try (HttpRemoteMedia media = loopbackAllowed()) {
      var e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(15),
          () -> assertThrows(RetriableException.class, () -> media.fetch(URI.create(base + "/slow"), "open311")));
      assertEquals("the link took longer than 5 s", e.getMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void clientErrorsAreRefusedAndServerErrorsMayBeRetried() throws Exception {
    try (HttpRemoteMedia media = loopbackAllowed()) {
      assertThrows(MediaRefusedException.class, () -> media.fetch(URI.create(base + "/gone"), "open311"));
      assertThrows(RetriableException.class, () -> media.fetch(URI.create(base + "/broken"), "open311"));
    }
  }

  @Test
  void credentialsGoToTheirOwnOriginOnly() throws Exception {
    try (HttpRemoteMedia media = loopbackAllowed()) {
      assertArrayEquals(JPEG, media.fetch(URI.create(base + "/twilio-media"), "mms"));
      assertThrows(MediaRefusedException.class, () -> media.fetch(URI.create(base + "/twilio-media"), "open311"));
      seen.clear();
      assertArrayEquals(JPEG, media.fetch(URI.create(base + "/to-other-origin"), "mms"));
    }
    assertEquals(List.of("/to-other-origin " + TWILIO_AUTH, "/photo.jpg null"), seen);
  }
}
