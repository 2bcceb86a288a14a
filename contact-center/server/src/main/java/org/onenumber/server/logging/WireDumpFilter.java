package org.onenumber.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

/**
 * Drops Netty's wire dumps: with {@code micronaut.server.netty.log-level} set, Netty's
 * {@code LoggingHandler} logs every byte read and written (passwords, phone numbers, names and
 * message texts in request and response bodies) as a hex dump whose text column splits them over
 * lines, past {@link PersonalDataMask}. An event is a dump when its message is a channel event
 * ({@code [id: 0x…]}) carrying a dump (more than one line); the channel's one-line events
 * (connected, closed, flushed) still pass. Registered as a turbo filter in {@code logback.xml}, so
 * it holds whatever level an operator gives the loggers. Thread-safe (stateless).
 */
public final class WireDumpFilter extends TurboFilter {

  @Override
  public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
    if (format != null && format.startsWith("[id: 0x") && format.indexOf('\n') >= 0) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
