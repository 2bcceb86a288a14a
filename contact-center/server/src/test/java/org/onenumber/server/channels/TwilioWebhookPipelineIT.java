package org.onenumber.server.channels;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Twilio's Messaging webhooks answered in the Netty pipeline ({@code TwilioWebhookHandler}) on raw
 * HTTP/1.1 connections: pipelined requests mixing webhooks and Micronaut's endpoints are answered
 * in order, {@code Expect: 100-continue} and an oversized body are honoured, a webhook that closes
 * its connection is answered before the close, and the answer is the handler's (no {@code date}
 * header, which Micronaut puts on every answer of its own).
 */
class TwilioWebhookPipelineIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();

  private Map<String, String> form(String sid, String phone) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("MessageSid", sid);
    form.put("AccountSid", ServerHarness.ACCOUNT);
    form.put("From", phone);
    form.put("To", "+8215880120");
    form.put("Body", "가로등이 꺼졌어요 & 어두워요");
    return form;
  }

  private String webhook(Map<String, String> form, String signature, String connection) {
    return webhook(form, signature, connection, "");
  }

  /** A webhook's request; {@code extraHeaders} are whole header lines, each ending in CRLF. */
  private String webhook(Map<String, String> form, String signature, String connection, String extraHeaders) {
    String body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), UTF_8) + "=" + URLEncoder.encode(e.getValue(), UTF_8))
        .collect(Collectors.joining("&"));
    return "POST /webhooks/twilio/sms HTTP/1.1\r\nHost: " + host() + "\r\nContent-Type: application/x-www-form-urlencoded\r\n"
        + (signature == null ? "" : "X-Twilio-Signature: " + signature + "\r\n") + extraHeaders + "Connection: " + connection
        + "\r\nContent-Length: " + body.getBytes(UTF_8).length + "\r\n\r\n" + body;
  }

  private String host() {
    return server.uri().getHost() + ":" + server.uri().getPort();
  }

  @Test
  void pipelinedWebhooksAndOtherRequestsAreAnsweredInOrderOnOneConnection() throws IOException {
    Map<String, String> first = form("SM0000000000000000000000000000bb01", "+821099990011");
    Map<String, String> second = form("SM0000000000000000000000000000bb02", "+821099990012");
    String health = "GET /health HTTP/1.1\r\nHost: " + host() + "\r\n\r\n";
    try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((webhook(first, server.sign("/webhooks/twilio/sms", first), "keep-alive") + health
          + webhook(second, "not-a-signature", "keep-alive") + health
          + webhook(second, server.sign("/webhooks/twilio/sms", second), "keep-alive")).getBytes(UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      Answer signed = Answer.read(in);
      assertEquals(200, signed.status, signed.toString());
      assertTrue(signed.body.contains("<Response>"), signed.body);
      assertEquals("text/xml", signed.header("content-type"));
      assertEquals("nosniff", signed.header("x-content-type-options"));
      assertNull(signed.header("date"), "answered by the pipeline handler, not by Micronaut");
      Answer up = Answer.read(in);
      assertTrue(up.body.contains("\"status\""), up.toString());
      assertTrue(up.header("date") != null, "Micronaut answered /health");
      Answer refused = Answer.read(in);
      assertEquals(403, refused.status, refused.toString());
      assertTrue(refused.body.contains("\"error\":\"forbidden\""), refused.body);
      assertTrue(Answer.read(in).body.contains("\"status\""));
      assertEquals(200, Answer.read(in).status);
    }
    assertStoredOnce("010-9999-0011", "010-9999-0012");
  }

  @Test
  void expectContinueOversizedBodiesAndConnectionCloseAreHonoured() throws IOException {
    Map<String, String> form = form("SM0000000000000000000000000000bb03", "+821099990013");
    String request = webhook(form, server.sign("/webhooks/twilio/sms", form), "close");
    int split = request.indexOf("\r\n\r\n");
    try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write((request.substring(0, split) + "\r\nExpect: 100-continue\r\n\r\n").getBytes(UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      assertEquals(100, Answer.read(in).status);
      out.write(request.substring(split + 4).getBytes(UTF_8));
      out.flush();
      Answer answer = Answer.read(in);
      assertEquals(200, answer.status, answer.toString());
      assertEquals("close", answer.header("connection"));
      assertEquals(-1, in.read(), "closed after the answer");
    }
    try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(("POST /webhooks/twilio/status HTTP/1.1\r\nHost: " + host()
          + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 20000000\r\n\r\nMessageSid=")
          .getBytes(UTF_8));
      Answer tooLarge = Answer.read(socket.getInputStream());
      assertEquals(413, tooLarge.status, tooLarge.toString());
      assertFalse(tooLarge.body.contains("MessageSid"));
    }
  }

  /**
   * Micronaut's controller (reached over HTTP/1.1 by a webhook with a {@code Content-Encoding},
   * which the pipeline handler leaves to Micronaut) and the pipeline handler answer a signed
   * webhook, a wrongly signed one and one that finds the webhook lane full alike: the same status,
   * content type, body and {@code Retry-After}; each signed one is stored.
   */
  @Test
  void theControllerAndThePipelineHandlerAnswerAlike() throws IOException {
    Map<String, Answer> handler = new LinkedHashMap<>();
    Map<String, Answer> controller = new LinkedHashMap<>();
    int sid = 10;
    for (String extra : new String[] {"", "Content-Encoding: identity\r\n"}) {
      Map<String, Answer> answers = extra.isEmpty() ? handler : controller;
      Map<String, String> form = form("SM0000000000000000000000000000bb" + sid, "+8210999900" + sid++);
      answers.put("signed", once(webhook(form, server.sign("/webhooks/twilio/sms", form), "close", extra)));
      answers.put("forbidden", once(webhook(form, "not-a-signature", "close", extra)));
      var admission = server.bean(org.onenumber.server.admission.IntakeAdmission.class);
      var lane = new java.util.ArrayList<org.onenumber.server.admission.IntakeAdmission.Permit>();
      for (var permit = admission.tryEnter(org.onenumber.server.admission.IntakeKind.WEBHOOK); permit != null;
          permit = admission.tryEnter(org.onenumber.server.admission.IntakeKind.WEBHOOK)) {
        lane.add(permit);
        assertTrue(lane.size() < 1_000, "the webhook lane is bounded");
      }
      Map<String, String> shed = form("SM0000000000000000000000000000bb" + sid, "+8210999900" + sid++);
      answers.put("shed", once(webhook(shed, server.sign("/webhooks/twilio/sms", shed), "close", extra)));
      lane.forEach(org.onenumber.server.admission.IntakeAdmission.Permit::close);
    }
    assertEquals(java.util.List.of(200, 403, 503), handler.values().stream().map(Answer::status).toList(),
        handler.toString());
    for (String answer : handler.keySet()) {
      Answer ours = handler.get(answer);
      Answer theirs = controller.get(answer);
      assertNull(ours.header("date"), "the pipeline handler answered " + answer);
      assertTrue(theirs.header("date") != null, "Micronaut answered " + answer + ": " + theirs);
      assertEquals(ours.status, theirs.status, answer);
      assertEquals(ours.header("content-type"), theirs.header("content-type"), answer);
      assertEquals(ours.body, theirs.body, answer);
      assertEquals(ours.header("retry-after"), theirs.header("retry-after"), answer);
    }
    assertStoredOnce("010-9999-0010", "010-9999-0012");
  }

  private void assertStoredOnce(String... phones) {
    String token = server.login("sv-01");
    for (String phone : phones) {
      var contacts = server.client().toBlocking().retrieve(io.micronaut.http.HttpRequest
          .GET("/api/v1/contacts?channel=SMS&phone=" + phone).bearerAuth(token), Map.class);
      assertEquals(1, ((java.util.List<?>) contacts.get("items")).size(), phone + " stored once");
    }
  }

  /** The answer to one request on its own connection. */
  private Answer once(String request) throws IOException {
    try (Socket socket = new Socket(server.uri().getHost(), server.uri().getPort())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(UTF_8));
      return Answer.read(socket.getInputStream());
    }
  }

  /** One HTTP/1.1 answer read off a socket (Content-Length bodies only). */
  private record Answer(int status, Map<String, String> headers, String body) {

    String header(String name) {
      return headers.get(name);
    }

    static Answer read(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      while (!head.toString(UTF_8).endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("closed in the head: " + head.toString(UTF_8));
        }
        head.write(b);
      }
      String[] lines = head.toString(UTF_8).split("\r\n");
      Map<String, String> headers = new LinkedHashMap<>();
      for (int i = 1; i < lines.length; i++) {
        int colon = lines[i].indexOf(':');
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, new String(in.readNBytes(length), UTF_8));
    }
  }
}
