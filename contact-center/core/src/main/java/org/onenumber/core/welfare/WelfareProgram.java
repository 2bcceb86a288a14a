package org.onenumber.core.welfare;

import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.onenumber.core.Ids;
import org.onenumber.core.casework.Case;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.in.EscalateCase;
import org.onenumber.core.port.in.EscalateCaseCommand;
import org.onenumber.core.port.in.RecordCheckIn;
import org.onenumber.core.port.out.CallControl;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.port.out.OutboundCall;
import org.onenumber.core.port.out.OutboundContacts;
import org.onenumber.core.port.out.SeniorRegistry;
import org.onenumber.core.port.out.WelfareSchedule;

/**
 * The welfare-call program. The cases:
 *
 * <ol>
 *   <li>{@link #planWeek}: a week is planned once ({@link WeekPlanner}); its first attempts are
 *       stored in one transaction.
 *   <li>{@link #dialDue}: each due attempt is claimed (SCHEDULED → DIALING, refused while the same
 *       senior has an attempt under way), journaled as a contact, then: automated → {@link
 *       CallControl#originate}; SMS → the "reply 1" text (a senior who sent STOP counts as not
 *       reached); preview → waits for a welfare operator ({@link #previews}). A senior who left
 *       the program is closed {@code WITHDRAWN}. An automated or text attempt whose window passed
 *       (dialing was paused) moves to the senior's next open window. A carrier outage ({@link RetriableException})
 *       puts the attempt back and pauses this round; the next round tries again.
 *   <li>{@link #record}: the outcome ends the attempt; the senior's unreached run is counted; the
 *       {@link EscalationLadder} decides; not reached and not escalated → the {@link RetryPolicy}'s
 *       next attempt. All in one transaction, then the escalation is carried out.
 *   <li>Escalation: a welfare case for the district's department through {@link EscalateCase},
 *       then (with consent to sharing) a text to the assigned worker and (with consent) to each
 *       emergency contact. Kept pending until done, so a restart finishes it.
 *   <li>{@link #expire}: a text check-in unanswered after the reply window is not reached.
 *   <li>{@link #recover} (after a restart): attempts left DIALING that the carrier does not carry
 *       go back to SCHEDULED (dialled once more, never twice at once); pending escalations run.
 * </ol>
 *
 * Thread-safe when its ports are: every state change is a conditional write in the schedule.
 */
public final class WelfareProgram implements RecordCheckIn {

  /** Who the welfare cases are escalated by. */
  public static final String AUTHOR = "welfare-program";
  public static final String SCRIPT = "welfare-check-in";

  private final WelfareSettings settings;
  private final SeniorRegistry seniors;
  private final WelfareSchedule schedule;
  private final CallControl calls;
  private final MessageGateway messages;
  private final CitizenRegistry citizens;
  private final OutboundContacts contacts;
  private final EscalateCase cases;
  private final InstantSource clock;
  private final RandomGenerator random;

  public WelfareProgram(WelfareSettings settings, SeniorRegistry seniors, WelfareSchedule schedule, CallControl calls,
      MessageGateway messages, CitizenRegistry citizens, OutboundContacts contacts, EscalateCase cases,
      InstantSource clock, RandomGenerator random) {
    this.settings = settings;
    this.seniors = seniors;
    this.schedule = schedule;
    this.calls = calls;
    this.messages = messages;
    this.citizens = citizens;
    this.contacts = contacts;
    this.cases = cases;
    this.clock = clock;
    this.random = random;
  }

  /** Case 1. @return the plan, or empty when the week was planned already */
  public Optional<WeekPlan> planWeek(LocalDate monday) {
    if (schedule.planned(monday)) {
      return Optional.empty();
    }
    List<Senior> enrolled = seniors.enrolledBetween(monday, monday.plusDays(6));
    WeekPlan plan = new WeekPlanner(settings.calendar(), settings.callsPerWeek()).plan(monday, enrolled);
    Instant now = clock.instant();
    var modes = new java.util.HashMap<SeniorId, CheckInMode>();
    enrolled.forEach(s -> modes.put(s.id(), s.mode()));
    List<Attempt> attempts = new ArrayList<>(plan.calls().size());
    for (PlannedCall call : plan.calls()) {
      attempts.add(Attempt.scheduled(new AttemptId(newId(now)), call.senior(), call.day(), 1, call.dueAt(),
          modes.get(call.senior())));
    }
    return schedule.savePlan(monday, attempts) ? Optional.of(plan) : Optional.empty();
  }

  /** Case 2. @return how many attempts were handed to a carrier, texted or offered */
  public int dialDue(int limit) {
    Instant now = clock.instant();
    int started = 0;
    for (Attempt due : schedule.due(now, limit)) {
      Optional<Senior> senior = seniors.find(due.senior());
      boolean noWindowLeft = false;
      if (senior.isPresent() && senior.get().enrolledOn(due.day()) && due.mode() != CheckInMode.PREVIEW
          && !RetryPolicy.inside(now, senior.get(), settings.calendar())) {
        Optional<Instant> later = RetryPolicy.nextOpen(now, senior.get(), settings.calendar());
        if (later.isPresent()) {
          schedule.reschedule(due.id(), later.get());
          continue;
        }
        noWindowLeft = true; // the senior's program ends before their next window: never dialled outside one
      }
      ContactId contact = new ContactId(newId(now));
      Attempt dialing = due.dialing(contact, now);
      if (!schedule.claim(dialing)) {
        continue;
      }
      if (senior.isEmpty() || !senior.get().enrolledOn(due.day()) || noWindowLeft) {
        schedule.complete(dialing.done(CallOutcome.WITHDRAWN, now), null, schedule.unreachedInRow(due.senior()), null);
        continue;
      }
      try {
        start(dialing, senior.get(), now);
        started++;
      } catch (RetriableException carrierDown) {
        schedule.release(dialing.id());
        break;
      } catch (PermanentException refused) {
        record(contact, CallOutcome.FAILED);
      }
    }
    return started;
  }

  private void start(Attempt dialing, Senior senior, Instant now) {
    Channel channel = dialing.mode() == CheckInMode.SMS ? Channel.SMS : Channel.VOICE;
    contacts.open(dialing.contact(), senior, channel, now);
    switch (dialing.mode()) {
      case AUTOMATED -> calls.originate(new OutboundCall(dialing.contact(), senior.phone(), senior.language(), SCRIPT,
          !senior.careNotes().isBlank()));
      case SMS -> {
        if (optedOut(senior.phone())) {
          record(dialing.contact(), CallOutcome.FAILED);
        } else {
          messages.send(new MessageGateway.Outbound(dialing.contact(), Channel.SMS, senior.phone().value(),
              WelfareTexts.checkIn(senior.language()), List.of()));
        }
      }
      case PREVIEW -> { }
    }
  }

  /** Preview attempts due and waiting for a welfare operator, earliest first. */
  public List<Attempt> previews() {
    return schedule.dialing().stream().filter(a -> a.mode() == CheckInMode.PREVIEW)
        .sorted(java.util.Comparator.comparing(Attempt::dueAt)).toList();
  }

  /** Case 3. */
  @Override
  public boolean record(ContactId contact, CallOutcome outcome) {
    Optional<Attempt> found = schedule.byContact(contact);
    if (found.isEmpty() || found.get().state() != AttemptState.DIALING) {
      return false;
    }
    Attempt attempt = found.get();
    Instant now = clock.instant();
    int run = outcome.reached() ? 0 : schedule.unreachedInRow(attempt.senior()) + 1;
    Optional<EscalationLadder.Reason> reason = settings.ladder().decide(outcome, run);
    Escalation escalation = reason.map(r -> new Escalation(attempt.id(), attempt.senior(), r, contact, now)).orElse(null);
    Attempt retry = null;
    if (!outcome.reached() && escalation == null) {
      Optional<Senior> senior = seniors.find(attempt.senior());
      if (senior.isPresent()) {
        retry = settings.retry().next(attempt.number(), now, senior.get(), settings.calendar())
            .map(at -> Attempt.scheduled(new AttemptId(newId(now)), attempt.senior(), attempt.day(),
                attempt.number() + 1, at, attempt.mode()))
            .orElse(null);
      }
    }
    if (!schedule.complete(attempt.done(outcome, now), retry, escalation != null ? 0 : run, escalation)) {
      return false;
    }
    if (escalation != null) {
      carryOut(escalation);
    }
    return true;
  }

  /** Answers the senior's oldest waiting text check-in; any other waiting one counts as reached (well). */
  @Override
  public boolean reply(CitizenIdentity.Phone from, String body) {
    String answer = body == null ? "" : body.strip();
    CallOutcome outcome = switch (answer) {
      case "1" -> CallOutcome.WELL;
      case "2" -> CallOutcome.WANTS_TO_TALK;
      default -> null;
    };
    Optional<Senior> senior = seniors.findByPhone(from);
    if (outcome == null || senior.isEmpty()) {
      return false;
    }
    List<Attempt> waiting = schedule.dialing().stream()
        .filter(a -> a.senior().equals(senior.get().id()) && a.mode() == CheckInMode.SMS)
        .sorted(java.util.Comparator.comparing(Attempt::startedAt)).toList();
    boolean answered = false;
    for (Attempt a : waiting) {
      answered |= record(a.contact(), answered ? CallOutcome.WELL : outcome);
    }
    return answered;
  }

  /** Case 5. @return how many text check-ins expired */
  public int expire() {
    Instant cutoff = clock.instant().minus(settings.smsReplyWindow());
    int expired = 0;
    for (Attempt a : schedule.dialing()) {
      if (a.mode() == CheckInMode.SMS && a.startedAt().isBefore(cutoff) && record(a.contact(), CallOutcome.NO_ANSWER)) {
        expired++;
      }
    }
    return expired;
  }

  /** Case 6. @return how many attempts went back to the schedule */
  public int recover() {
    int released = 0;
    for (Attempt a : schedule.dialing()) {
      if (a.mode() == CheckInMode.AUTOMATED && !calls.carries(a.contact())) {
        schedule.release(a.id());
        released++;
      }
    }
    schedule.pendingEscalations().forEach(this::carryOut);
    return released;
  }

  /** Case 4. */
  private void carryOut(Escalation escalation) {
    Optional<Senior> found = seniors.find(escalation.senior());
    if (found.isEmpty()) {
      schedule.escalated(escalation.attempt(), "");
      return;
    }
    Senior senior = found.get();
    Case opened = cases.escalate(new EscalateCaseCommand(escalation.contact(), settings.department(senior.district()),
        "welfare-check", "Welfare check for senior " + senior.id() + ": " + escalation.reason(),
        escalation.reason().priority(), AUTHOR));
    schedule.escalated(escalation.attempt(), opened.id().value());
    if (senior.consent().sharing() && senior.workerPhone() != null) {
      text(escalation.contact(), senior.workerPhone(), WelfareTexts.toWorker(senior, opened.id().value(),
          escalation.reason()));
    }
    if (senior.consent().emergencyContact()) {
      for (EmergencyContact ec : senior.emergencyContacts()) {
        text(escalation.contact(), ec.phone(), WelfareTexts.toEmergencyContact(senior, escalation.reason()));
      }
    }
  }

  private void text(ContactId contact, CitizenIdentity.Phone to, String body) {
    if (optedOut(to)) {
      return;
    }
    try {
      messages.send(new MessageGateway.Outbound(contact, Channel.SMS, to.value(), body, List.of()));
    } catch (OneNumberException refused) {
      // a refused notification does not undo the case; the case page shows who was told
    }
  }

  private boolean optedOut(CitizenIdentity.Phone phone) {
    return citizens.findByIdentity(phone).map(c -> c.consent().smsOptOut()).orElse(false);
  }

  private String newId(Instant now) {
    return Ids.timeOrdered(now, random);
  }
}
