package org.onenumber.core.happycall;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.event.SurveyAnswered;
import org.onenumber.core.port.in.AnswerHappyCall;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.HappyCallStore;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.port.out.SurveyAnswers;

/**
 * The happy-call program. The cases:
 *
 * <ol>
 *   <li>A contact resolved (wrap-up done, then closed): a survey is scheduled for
 *       {@link HappyCallSettings#dueAt}; a second resolution of the same contact schedules nothing.
 *   <li>A due survey is skipped when the contact was escalated into a case, the citizen has no
 *       phone, said STOP ({@code smsOptOut}), or was sent a survey within the gap.
 *   <li>A due survey inside quiet hours (the sweep ran late) waits for the morning.
 *   <li>Otherwise the SMS is sent to the citizen's phone and the survey waits for the reply.
 *   <li>A reply "1" to "5" answers the latest waiting survey of that phone: stored in the survey
 *       table (resolved when the score is above the low mark) and, for a low score, a follow-up
 *       task for supervisors. Anything else answers no survey.
 * </ol>
 *
 * Stateless over its ports, so a restart loses nothing: the store is the truth and every change
 * is a compare-and-set. Thread-safe when its ports are.
 */
public final class HappyCalls implements AnswerHappyCall {

  static final String TEXT = "Seoul 120: was your problem solved? Reply 1 (not at all) to 5 (completely).";

  private final HappyCallSettings settings;
  private final HappyCallStore store;
  private final CitizenRegistry citizens;
  private final MessageGateway messages;
  private final SurveyAnswers surveys;
  private final Predicate<ContactId> escalated;
  private final InstantSource clock;

  public HappyCalls(HappyCallSettings settings, HappyCallStore store, CitizenRegistry citizens,
      MessageGateway messages, SurveyAnswers surveys, Predicate<ContactId> escalated, InstantSource clock) {
    this.settings = settings;
    this.store = store;
    this.citizens = citizens;
    this.messages = messages;
    this.surveys = surveys;
    this.escalated = escalated;
    this.clock = clock;
  }

  /** Case 1. @return false when the contact already has a survey */
  public boolean resolved(ContactId contact, CitizenId citizen, Instant at) {
    return store.schedule(HappyCall.scheduled(contact, citizen, settings.dueAt(at)));
  }

  /** Cases 2 to 4. @return how many surveys were sent */
  public int sendDue(int limit) {
    Instant now = clock.instant();
    if (!settings.outsideQuietHours(now).equals(now)) {
      return 0;
    }
    int sent = 0;
    for (HappyCall call : store.due(now, limit)) {
      Optional<String> phone = citizens.find(call.citizen()).filter(c -> !c.consent().smsOptOut())
          .flatMap(HappyCalls::phone);
      boolean recent = store.lastSent(call.citizen()).map(last -> last.plus(settings.gap()).isAfter(now)).orElse(false);
      if (phone.isEmpty() || recent || escalated.test(call.contact())) {
        store.skip(call.contact());
        continue;
      }
      if (store.markSent(call.contact(), phone.get(), now)) {
        messages.send(new MessageGateway.Outbound(call.contact(), Channel.SMS, phone.get(), TEXT, List.of()));
        sent++;
      }
    }
    return sent;
  }

  /** Case 5. */
  @Override
  public boolean reply(CitizenIdentity.Phone from, String body) {
    String answer = body == null ? "" : body.strip();
    if (!answer.matches("[1-5]")) {
      return false;
    }
    Optional<HappyCall> waiting = store.awaiting(from.value());
    if (waiting.isEmpty()) {
      return false;
    }
    int score = Integer.parseInt(answer);
    Instant now = clock.instant();
    ContactId contact = waiting.get().contact();
    FollowUp followUp = score <= settings.lowScore() ? new FollowUp(contact, score, now) : null;
    if (!store.answer(contact, score, now, followUp)) {
      return false;
    }
    surveys.save(new SurveyAnswered(contact, score > settings.lowScore(), score, now));
    return true;
  }

  /** Open follow-up tasks, newest first. */
  public List<FollowUp> followUps(int limit) {
    return store.followUps(limit);
  }

  private static Optional<String> phone(Citizen citizen) {
    return citizen.identities().stream().filter(CitizenIdentity.Phone.class::isInstance)
        .map(i -> ((CitizenIdentity.Phone) i).value()).sorted().findFirst();
  }
}
