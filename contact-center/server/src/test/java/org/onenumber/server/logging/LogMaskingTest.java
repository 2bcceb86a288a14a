package org.onenumber.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogMaskingTest {

  @Test
  void masksPhoneNumbersInEveryWayPeopleWriteThem() {
    assertEquals("call ***78 now", PersonalDataMask.mask("call +82 10-1234-5678 now"));
    assertEquals("from ***78", PersonalDataMask.mask("from 010-1234-5678"));
    assertEquals("tel ***34", PersonalDataMask.mask("tel (02) 120 1234"));
    assertEquals("whatsapp:***78", PersonalDataMask.mask("whatsapp:+821012345678"));
  }

  @Test
  void masksEmailAddressesButKeepsTheDomain() {
    assertEquals("mail ***@seoul.go.kr", PersonalDataMask.mask("mail jane.doe+x@seoul.go.kr"));
  }

  @Test
  void masksUrlEncodedNumbersAndAddressesAndEveryQueryValueButShortNumbers() {
    assertEquals("GET /api/v1/contacts?phone=***", PersonalDataMask.mask("GET /api/v1/contacts?phone=%2B821055501234"));
    assertEquals("GET /s?message=***&languages=en%2Cko&limit=3&view=new",
        PersonalDataMask.mask("GET /s?message=I+am+Kim+Minji%2C+mail+minji.kim%40example.org&languages=en%2Cko&limit=3&view=new"));
    assertEquals("/x?from=***&name=***", PersonalDataMask.mask("/x?from=%2B821055501234&name=Minji"));
    assertEquals("/citizens/***34/history", PersonalDataMask.mask("/citizens/%2B82%2010%205550%201234/history"));
    assertEquals("/by-email/***@example.org", PersonalDataMask.mask("/by-email/minji.kim%40example.org"));
  }

  @Test
  void leavesIdentifiersTimesAndShortNumbersAlone() {
    String id = "contact 3f2a9c1e-1234-5678-9abc-0123456789ab took 1234 ms at 23:15:08, queue 12";
    assertEquals(id, PersonalDataMask.mask(id));
  }

  @Test
  void theProductionAppenderWritesNoPhoneNumberOrAddressInMessagesOrStackTraces() throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(getClass().getResource("/logback.xml"));
    @SuppressWarnings("unchecked")
    OutputStreamAppender<ILoggingEvent> stdout =
        (OutputStreamAppender<ILoggingEvent>) context.getLogger("ROOT").getAppender("STDOUT");
    LoggingEvent event = new LoggingEvent("x", context.getLogger("org.onenumber.Test"), Level.WARN,
        "sms from {} to {}", new IllegalStateException("Value too long for column: '+821012345678'"),
        new Object[] {"+82 10-9876-5432", "jane@example.org"});
    String line = new String(stdout.getEncoder().encode(event), StandardCharsets.UTF_8);
    assertTrue(line.contains("sms from ***32 to ***@example.org"), line);
    assertFalse(line.contains("12345678") || line.contains("9876") || line.contains("jane"), line);
    assertTrue(line.contains("IllegalStateException"), "the stack trace is still written: " + line);
    context.stop();
  }
}
