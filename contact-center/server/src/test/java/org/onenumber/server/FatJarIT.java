package org.onenumber.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The runnable artifact: {@code java -jar target/onenumber-server.jar} on an empty data
 * directory answers {@code /health} and serves the seeded demo city. The start time is printed, not
 * asserted tightly (a timed test fails on a loaded machine, not on slow code); 60 s means it hangs.
 */
class FatJarIT {

  private static final Path JAR = Path.of("target", "onenumber-server.jar");

  @Test
  void startsFromTheJarAndAnswersHealth() throws Exception {
    assertTrue(Files.exists(JAR), "package the server first: " + JAR.toAbsolutePath());
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path dataDir = Files.createTempDirectory("onenumber-jar");
    Path log = dataDir.resolve("server.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process server = new ProcessBuilder(java, "-Donenumber.data-dir=" + dataDir, "-Dmicronaut.server.port=" + port,
        "-jar", JAR.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long started = System.nanoTime();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      int status = 0;
      while (status != 200 && System.nanoTime() - started < TimeUnit.SECONDS.toNanos(60) && server.isAlive()) {
        status = status(http, port, "/health");
        if (status != 200) {
          server.waitFor(200, TimeUnit.MILLISECONDS);
        }
      }
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      assertEquals(200, status, "health within 60 s; log:\n" + Files.readString(log));
      System.out.println("FatJarIT: /health answered 200 after " + millis + " ms");
      String departments = get(http, port, "/api/v1/departments").body();
      assertTrue(departments.contains("\"water\""), departments);
      assertTrue(Files.readString(log).contains("OneNumber is up"), "prints the URLs it serves");
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static HttpResponse<String> get(HttpClient http, int port, String path)
      throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The status of a GET, or 0 while the server is not listening yet. */
  private static int status(HttpClient http, int port, String path) throws InterruptedException {
    try {
      return get(http, port, path).statusCode();
    } catch (IOException notYetListening) {
      return 0;
    }
  }
}
