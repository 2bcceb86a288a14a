package org.onenumber.core.casework;

import java.time.InstantSource;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.Department;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.event.CaseOpened;
import org.onenumber.core.messaging.CitizenTexts;
import org.onenumber.core.port.in.EscalateCase;
import org.onenumber.core.port.in.EscalateCaseCommand;
import org.onenumber.core.port.in.SendReply;
import org.onenumber.core.port.in.SendReplyCommand;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.Directory;
import org.onenumber.core.port.out.Transactions;

/**
 * Opens cases from contacts. The cases:
 *
 * <ol>
 *   <li>The contact or the department does not exist: not found, nothing stored.
 *   <li>The case gets the number {@code C-<date>-<sequence>} (the date in the city's zone), the
 *       contact's citizen, the contact as its first linked contact, and a due date by the
 *       {@link CaseDueRules} (working days per department and category, else the department's
 *       default); its history starts {@code OPEN} by the escalating agent.
 *   <li>After the commit (of the caller's transaction when escalating inside one:
 *       {@link Transactions#afterCommit}), {@link CaseOpened} is published and, on a text channel (SMS, WhatsApp,
 *       chat) whose contact is still open, the citizen is sent the case number in their language.
 *       A refused notification (the citizen sent STOP) does not undo the case.
 * </ol>
 *
 * Thread-safe when its ports are.
 */
public final class CaseEscalation implements EscalateCase {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

  private final Transactions transactions;
  private final ContactJournal journal;
  private final Directory directory;
  private final CaseRegistry cases;
  private final SendReply replies;
  private final org.onenumber.core.port.out.EventPublisher events;
  private final InstantSource clock;
  private final ZoneId zone;
  private final CaseDueRules rules;

  /** Due dates from each department's default, in calendar time. */
  public CaseEscalation(Transactions transactions, ContactJournal journal, Directory directory, CaseRegistry cases,
      SendReply replies, org.onenumber.core.port.out.EventPublisher events, InstantSource clock, ZoneId zone) {
    this(transactions, journal, directory, cases, replies, events, clock, zone, CaseDueRules.departmentDefaults(zone));
  }

  public CaseEscalation(Transactions transactions, ContactJournal journal, Directory directory, CaseRegistry cases,
      SendReply replies, org.onenumber.core.port.out.EventPublisher events, InstantSource clock, ZoneId zone,
      CaseDueRules rules) {
    this.rules = rules;
    this.transactions = transactions;
    this.journal = journal;
    this.directory = directory;
    this.cases = cases;
    this.replies = replies;
    this.events = events;
    this.clock = clock;
    this.zone = zone;
  }

  @Override
  public Case escalate(EscalateCaseCommand command) {
    return escalate(command, journal.find(command.contact())
        .orElseThrow(() -> new NotFoundException("contact", command.contact())));
  }

  /** As {@link #escalate(EscalateCaseCommand)}, with the contact the caller holds (not read again). */
  @Override
  public Case escalate(EscalateCaseCommand command, Contact contact) {
    if (!contact.id().equals(command.contact())) {
      throw new IllegalArgumentException("the contact given is not the command's");
    }
    Department department = directory.department(command.department())
        .orElseThrow(() -> new NotFoundException("department", command.department()));
    var now = clock.instant();
    Case opened = transactions.inTransaction(() -> {
      CaseId id = new CaseId("C-" + DAY.format(now.atZone(zone)) + "-" + String.format("%04d", cases.nextSequence()));
      Case c = new Case(id, department.id(), command.category(), command.priority(), command.summary(),
          contact.citizen(), List.of(contact.id()), rules.dueAt(department, command.category(), now),
          List.of(new CaseStatusChange(CaseStatus.OPEN, now, command.author(), null)));
      cases.create(c);
      return c;
    });
    transactions.afterCommit(() -> {
      events.publish(new CaseOpened(opened.id(), department.id(), opened.category(), contact.id(), opened.dueAt(), now));
      notifyCitizen(contact, opened, command.author());
    });
    return opened;
  }

  private void notifyCitizen(Contact contact, Case opened, String author) {
    boolean text = contact.channel() == Channel.SMS || contact.channel() == Channel.WHATSAPP
        || contact.channel() == Channel.CHAT;
    if (!text || contact.state().isTerminal()) {
      return;
    }
    try {
      replies.send(new SendReplyCommand(contact.id(), author,
          CitizenTexts.of(CitizenTexts.Text.CASE_OPENED, contact.language(), opened.id().value()), null));
    } catch (PermanentException refused) {
      // Case 3: the citizen opted out; the case stands and the department will reach them otherwise.
      return;
    }
  }
}
