package org.onenumber.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Every log line a test's server writes, through the masked pattern of the configured console
 * appender ({@code %maskedMsg}/{@code %maskedEx}, as in production), with OneNumber and the
 * Micronaut HTTP server at DEBUG so that as much as possible is written. After each test, no line
 * may hold one of the {@code forbidden} texts (the phone numbers and e-mail addresses the story
 * typed, in every spelling); the failure shows the offending lines. A test that captured nothing
 * fails too (the capture would prove nothing).
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

  private static final List<String> LOUD = List.of("org.onenumber", "io.micronaut.http.server", "io.micronaut.websocket");
  private final List<String> forbidden;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<String, Level> levels = new HashMap<>();
  private OutputStreamAppender<ILoggingEvent> appender;

  public LogCapture(String... forbidden) {
    this.forbidden = List.of(forbidden);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    Logger root = logging.getLogger(Logger.ROOT_LOGGER_NAME);
    @SuppressWarnings("unchecked")
    OutputStreamAppender<ILoggingEvent> console = (OutputStreamAppender<ILoggingEvent>) root.getAppender("STDOUT");
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(logging);
    encoder.setPattern(((PatternLayoutEncoder) console.getEncoder()).getPattern());
    encoder.start();
    appender = new OutputStreamAppender<>();
    appender.setContext(logging);
    appender.setEncoder(encoder);
    appender.setOutputStream(out);
    appender.start();
    root.addAppender(appender);
    for (String name : LOUD) {
      Logger logger = logging.getLogger(name);
      levels.put(name, logger.getLevel());
      logger.setLevel(Level.DEBUG);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    appender.stop();
    levels.forEach((name, level) -> logging.getLogger(name).setLevel(level));
    if (lines().isEmpty()) {
      throw new AssertionError("no log line was captured: the capture is not attached to the server's logging");
    }
    List<String> leaks = lines().stream().filter(line -> forbidden.stream().anyMatch(line::contains)).toList();
    if (!leaks.isEmpty()) {
      throw new AssertionError(leaks.size() + " log lines show personal data unmasked:\n" + String.join("\n", leaks));
    }
  }

  /** The lines written so far. */
  public List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
