package org.onenumber.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Every log line a test's server writes, through the masked pattern of the configured console
 * appender ({@code %maskedMsg}/{@code %maskedEx}, as in production), with OneNumber, the Micronaut
 * HTTP server and the access log ({@code HTTP_ACCESS_LOGGER}, when a test enables it) at DEBUG so
 * that as much as possible is written. After each test, no line
 * may hold one of the {@code forbidden} texts (the phone numbers and e-mail addresses the story
 * typed, in every spelling); the failure shows the offending lines. A test that captured nothing
 * fails too (the capture would prove nothing).
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback {

  private static final List<String> LOUD = List.of("org.onenumber", "io.micronaut.http.server", "io.micronaut.websocket",
      "HTTP_ACCESS_LOGGER");
  /**
   * For {@link #trace}: the server's own loggers and every Micronaut/Netty logger a request passes
   * (routing, binding, encoding, security, serde, JDBC pools); the test's own HTTP client stays quiet.
   */
  private static final List<String> SERVER_SIDE = List.of("org.onenumber", "io.micronaut", "io.netty", "com.zaxxer",
      "org.h2", "org.postgresql", "HTTP_ACCESS_LOGGER");
  private static final List<String> QUIET = List.of("io.micronaut.http.client", "io.micronaut.context",
      "io.micronaut.core", "io.micronaut.inject");
  private static final Pattern DUMP_ROW = Pattern.compile("^\\|[^|]+\\| .* \\|(.{1,16})\\|$");
  private final List<String> loud;
  private final Level level;
  private final List<String> forbidden;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final Map<String, Level> levels = new HashMap<>();
  private OutputStreamAppender<ILoggingEvent> appender;

  public LogCapture(String... forbidden) {
    this(LOUD, Level.DEBUG, forbidden);
  }

  private LogCapture(List<String> loud, Level level, String... forbidden) {
    this.loud = loud;
    this.level = level;
    this.forbidden = List.of(forbidden);
  }

  /** Every server-side logger at TRACE ({@link #SERVER_SIDE}), the test's client and bean wiring quiet. */
  public static LogCapture trace(String... forbidden) {
    return new LogCapture(SERVER_SIDE, Level.TRACE, forbidden);
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
    for (String name : loud) {
      loud(logging, name, level);
    }
    if (level == Level.TRACE) {
      QUIET.forEach(name -> loud(logging, name, Level.INFO));
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
    logging.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
    appender.stop();
    levels.forEach((name, level) -> logging.getLogger(name).setLevel(level));
    keep(context);
    if (lines().isEmpty()) {
      throw new AssertionError("no log line was captured: the capture is not attached to the server's logging");
    }
    List<String> leaks = new java.util.ArrayList<>(lines().stream()
        .filter(line -> forbidden.stream().anyMatch(line::contains)).toList());
    String wire = wireText();
    String decoded = wire.replace('+', ' ');
    forbidden.stream().filter(text -> wire.contains(text) || decoded.contains(text))
        .forEach(text -> leaks.add("in a wire dump: " + text));
    if (!leaks.isEmpty()) {
      throw new AssertionError(leaks.size() + " log lines show personal data unmasked:\n" + String.join("\n", leaks));
    }
  }

  private void loud(LoggerContext logging, String name, Level to) {
    Logger logger = logging.getLogger(name);
    levels.putIfAbsent(name, logger.getLevel());
    logger.setLevel(to);
  }

  /** Keeps the captured lines in {@code target/log-capture/<class>.<method>.log} to read after the run. */
  private void keep(ExtensionContext context) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "log-capture"));
      Files.write(dir.resolve(context.getRequiredTestClass().getSimpleName() + "."
          + context.getTestMethod().map(java.lang.reflect.Method::getName).orElse("all") + ".log"), lines());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text column of every hex dump captured (Netty's {@code LoggingHandler} writes 16 bytes a
   * line; the mask may rewrite the hex part), joined: a password or a phone split over dump lines
   * shows here whole (form bodies also with {@code +} read as a space).
   */
  public String wireText() {
    StringBuilder text = new StringBuilder();
    for (String line : lines()) {
      Matcher row = DUMP_ROW.matcher(line);
      if (row.matches()) {
        text.append(row.group(1));
      }
    }
    return text.toString();
  }

  /** The lines written so far. */
  public List<String> lines() {
    return out.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
