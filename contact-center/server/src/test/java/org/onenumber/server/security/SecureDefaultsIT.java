package org.onenumber.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/** Production refuses demo data; every response carries the security headers it should. */
class SecureDefaultsIT {

  private final TestHttp http = new TestHttp();

  private static Map<String, Object> properties(String url, boolean seed) {
    Map<String, Object> p = new HashMap<>();
    p.put("datasources.default.url", url);
    p.put("onenumber.seed.enabled", seed);
    return p;
  }

  @Test
  void productionRefusesToStartWithTheDemoCityOrADemoPassword() {
    String url = TestDatabases.h2Url();
    Exception seeded = assertThrows(Exception.class,
        () -> ApplicationContext.run(EmbeddedServer.class, properties(url, true), "production").close());
    assertTrue(String.valueOf(rootMessage(seeded)).contains("seed"), rootMessage(seeded));

    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(url, false), "production")) {
      Accounts accounts = server.getApplicationContext().getBean(Accounts.class);
      accounts.create("admin-2", "Admin", Role.ADMIN, null, null, accounts.hash("demo1234"));
    }
    Exception demo = assertThrows(Exception.class,
        () -> ApplicationContext.run(EmbeddedServer.class, properties(url, false), "production").close());
    assertTrue(String.valueOf(rootMessage(demo)).contains("demo password"), rootMessage(demo));
  }

  @Test
  void responsesCarryNoStoreNoSniffAndNoFramingExceptTheEmbeddableChat() throws Exception {
    String url = TestDatabases.h2Url();
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties(url, true))) {
      HttpResponse<String> login = http.send(server, "POST", "/login",
          "{\"username\":\"op-001\",\"password\":\"demo1234\"}", null);
      assertEquals(200, login.statusCode());
      assertEquals("no-store", login.headers().firstValue("Cache-Control").orElse(""));
      HttpResponse<String> api = http.send(server, "GET", "/api/v1/queues", null, null);
      assertEquals("no-store", api.headers().firstValue("Cache-Control").orElse(""));
      assertEquals("nosniff", api.headers().firstValue("X-Content-Type-Options").orElse(""));
      assertEquals("DENY", api.headers().firstValue("X-Frame-Options").orElse(""));
      HttpResponse<String> console = http.send(server, "GET", "/console/", null, null);
      assertEquals("DENY", console.headers().firstValue("X-Frame-Options").orElse(""));
      HttpResponse<String> chat = http.send(server, "GET", "/chat/", null, null);
      assertEquals(200, chat.statusCode());
      assertFalse(chat.headers().firstValue("X-Frame-Options").isPresent(), "city pages embed the chat");
    }
  }

  private static String rootMessage(Throwable t) {
    StringBuilder all = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      all.append(c.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
