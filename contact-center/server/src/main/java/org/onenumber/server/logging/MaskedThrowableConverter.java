package org.onenumber.server.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Logback's stack traces with phone numbers and e-mail addresses masked ({@code %maskedEx}): an
 * exception's message can quote a value (a database error quotes the rejected row).
 */
public final class MaskedThrowableConverter extends ThrowableProxyConverter {
  @Override
  public String convert(ILoggingEvent event) {
    return PersonalDataMask.mask(super.convert(event));
  }
}
