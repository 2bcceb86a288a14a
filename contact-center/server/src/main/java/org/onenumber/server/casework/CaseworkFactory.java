package org.onenumber.server.casework;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.onenumber.core.casework.CaseAutoClose;
import org.onenumber.core.casework.CaseDeadlines;
import org.onenumber.core.casework.CaseDesk;
import org.onenumber.core.casework.CaseDueRules;
import org.onenumber.core.casework.CaseNotifier;
import org.onenumber.core.casework.WorkingDays;
import org.onenumber.core.casework.attachment.AttachToCase;
import org.onenumber.core.casework.attachment.AttachmentRules;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.messaging.CaseMessages;
import org.onenumber.core.messaging.MessageContext;
import org.onenumber.core.port.in.ActOnCase;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcCaseAttachments;
import org.onenumber.server.persistence.JdbcCaseRegistry;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * Wires the case desk, the citizen notices and the deadline sweep, with the due-date rules of
 * {@code onenumber.cases.*}: {@code working-days} ({@code roads/pothole=7,water/=3,pothole=7}: keys
 * {@code department/category}, {@code category} or {@code department/}), {@code holidays}
 * (ISO dates), {@code restart-on-reassign} (the city's rule) and
 * {@code restart-on-reassign-by-department} ({@code water=false}: the receiving department's own),
 * {@code remind-before} and {@code reopen-within}. A
 * malformed rule stops the start-up with the offending entry named.
 */
@Factory
final class CaseworkFactory {

  @Singleton
  CaseDueRules caseDueRules(@Value("${onenumber.zone:Asia/Seoul}") String zone,
      @Value("${onenumber.cases.working-days:}") String workingDays,
      @Value("${onenumber.cases.holidays:}") String holidays,
      @Value("${onenumber.cases.restart-on-reassign:true}") boolean restartOnReassign,
      @Value("${onenumber.cases.restart-on-reassign-by-department:}") String restartByDepartment,
      @Value("${onenumber.cases.remind-before:24h}") Duration remindBefore,
      @Value("${onenumber.cases.reopen-within:14d}") Duration reopenWithin) {
    return new CaseDueRules(WorkingDays.weekdays(ZoneId.of(zone), dates(holidays)), rules(workingDays),
        restartOnReassign, remindBefore, reopenWithin, restarts(restartByDepartment));
  }

  @Singleton
  CaseNotifier caseNotifier(MessageContext context) {
    return new CaseMessages(context);
  }

  @Singleton
  ActOnCase actOnCase(Jdbc jdbc, JdbcCaseRegistry cases, JdbcDirectory directory, VertxEventPublisher events,
      CaseNotifier notifier, CaseDueRules rules, InstantSource clock) {
    return new CaseDesk(jdbc, cases, directory, events, notifier, rules, clock);
  }

  @Singleton
  AttachToCase attachToCase(JdbcCaseRegistry cases, JdbcCaseAttachments attachments, InstantSource clock,
      @Value("${onenumber.cases.attachments.max-bytes:5242880}") int maxBytes,
      @Value("${onenumber.cases.attachments.max-per-case:5}") int maxPerCase) {
    return new AttachToCase(cases, attachments, new AttachmentRules(maxBytes, maxPerCase), clock,
        () -> java.util.UUID.randomUUID().toString());
  }

  /** Never sooner than the reopen window: closing a case takes the citizen's reopen away. */
  @Singleton
  CaseAutoClose caseAutoClose(JdbcCaseRegistry cases, VertxEventPublisher events, CaseDueRules rules,
      InstantSource clock, @Value("${onenumber.cases.auto-close-after:14d}") Duration after) {
    Duration quiet = after.compareTo(rules.reopenWithin()) < 0 ? rules.reopenWithin() : after;
    return new CaseAutoClose(cases, events, quiet, clock);
  }

  @Singleton
  CaseDeadlines caseDeadlines(JdbcCaseRegistry cases, VertxEventPublisher events, CaseDueRules rules,
      InstantSource clock) {
    return new CaseDeadlines(cases, events, rules, clock);
  }

  static Map<String, Integer> rules(String text) {
    Map<String, Integer> rules = new HashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] kv = entry.split("=", 2);
      try {
        rules.put(kv[0].strip(), Integer.parseInt(kv[1].strip()));
      } catch (RuntimeException e) {
        throw new InvalidInputException("onenumber.cases.working-days entry '" + entry.strip()
            + "' is not key=days");
      }
    }
    return rules;
  }

  /** {@code water=false,roads=true}: per receiving department, whether reassignment restarts the clock. */
  static Map<String, Boolean> restarts(String text) {
    Map<String, Boolean> rules = new HashMap<>();
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      String[] kv = entry.split("=", 2);
      String value = kv.length < 2 ? "" : kv[1].strip();
      if (!value.equals("true") && !value.equals("false")) {
        throw new InvalidInputException("onenumber.cases.restart-on-reassign-by-department entry '" + entry.strip()
            + "' is not department=true|false");
      }
      rules.put(kv[0].strip(), Boolean.valueOf(value));
    }
    return rules;
  }

  static Set<LocalDate> dates(String text) {
    Set<LocalDate> dates = new HashSet<>();
    for (String day : text.split(",")) {
      if (!day.isBlank()) {
        try {
          dates.add(LocalDate.parse(day.strip()));
        } catch (RuntimeException e) {
          throw new InvalidInputException("onenumber.cases.holidays entry '" + day.strip() + "' is not a date");
        }
      }
    }
    return dates;
  }
}
