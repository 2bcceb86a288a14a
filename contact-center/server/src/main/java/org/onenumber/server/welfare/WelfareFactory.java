package org.onenumber.server.welfare;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.random.RandomGenerator;
import org.onenumber.core.port.in.EscalateCase;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.welfare.WelfareProgram;
import org.onenumber.core.welfare.WelfareSettings;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcCitizenRegistry;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcSeniorRegistry;
import org.onenumber.server.telephony.CallControls;

/** Wires the core's welfare program to the database, the carriers, the SMS gateway and case escalation. */
@Factory
final class WelfareFactory {

  @Singleton
  WelfareSettings welfareSettings(WelfareConfig config, @Value("${onenumber.zone:Asia/Seoul}") String zone) {
    return config.settings(ZoneId.of(zone));
  }

  @Singleton
  WelfareProgram welfareProgram(WelfareSettings settings, JdbcSeniorRegistry seniors, TimedWelfareSchedule schedule,
      CallControls carriers, MessageGateway messages, JdbcCitizenRegistry citizens, Jdbc jdbc,
      JdbcContactJournal journal, EscalateCase cases, InstantSource clock, RandomGenerator random) {
    return new WelfareProgram(settings, seniors, schedule, new OutboundCarrier(carriers), messages, citizens,
        new JournalOutboundContacts(jdbc, citizens, journal, random), cases, clock, random);
  }
}
