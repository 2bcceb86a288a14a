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
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.event.SurveyAnswered;
import org.onenumber.core.port.in.AnswerHappyCall;
import org.onenumber.core.port.in.RecordHappyCallAnswer;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.HappyCallStore;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.port.out.OutboundCall;
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
 *   <li>A contact that came in by voice ({@link HappyCallVoice}) gets an automated call in the
 *       citizen's language ("press 1 to 5", asked and repeated once, {@link HappyCallVoice#SCRIPT}).
 *   <li>A call without a score (silence, other keys, hang-up, busy, failed, refused by the carrier,
 *       or no report within {@code noAnswerAfter}) is called again {@code retryAfter} later
 *       (outside quiet hours) up to {@code calls} calls in all; after the last one the SMS goes out
 *       instead (case 6).
 *   <li>Otherwise the SMS is sent to the citizen's phone and the survey waits for the reply.
 *   <li>A reply "1" to "5" answers the latest waiting survey of that phone, and a key "1" to "5"
 *       on the call answers the survey called: stored in the survey table (resolved when the score
 *       is above the low mark) and, for a low score, a follow-up task for supervisors. Anything
 *       else answers no survey.
 * </ol>
 *
 * Stateless over its ports, so a restart loses nothing: the store is the truth and every change
 * is a compare-and-set. Thread-safe when its ports are.
 */
public final class HappyCalls implements AnswerHappyCall, RecordHappyCallAnswer {

  static final String TEXT = "Seoul 120: was your problem solved? Reply 1 (not at all) to 5 (completely).";

  private final HappyCallSettings settings;
  private final HappyCallStore store;
  private final CitizenRegistry citizens;
  private final MessageGateway messages;
  private final SurveyAnswers surveys;
  private final Predicate<ContactId> escalated;
  private final InstantSource clock;
  private final HappyCallVoice voice;

  /** Surveys by SMS only. */
  public HappyCalls(HappyCallSettings settings, HappyCallStore store, CitizenRegistry citizens,
      MessageGateway messages, SurveyAnswers surveys, Predicate<ContactId> escalated, InstantSource clock) {
    this(settings, store, citizens, messages, surveys, escalated, clock, null);
  }

  /** Surveys of voice contacts by an automated call ({@code voice}; null: SMS only). */
  public HappyCalls(HappyCallSettings settings, HappyCallStore store, CitizenRegistry citizens,
      MessageGateway messages, SurveyAnswers surveys, Predicate<ContactId> escalated, InstantSource clock,
      HappyCallVoice voice) {
    this.settings = settings;
    this.store = store;
    this.citizens = citizens;
    this.messages = messages;
    this.surveys = surveys;
    this.escalated = escalated;
    this.clock = clock;
    this.voice = voice;
  }

  /** Case 1. @return false when the contact already has a survey */
  public boolean resolved(ContactId contact, CitizenId citizen, Instant at) {
    return store.schedule(HappyCall.scheduled(contact, citizen, settings.dueAt(at)));
  }

  /** Cases 2 to 6. @return how many surveys were sent or called */
  public int sendDue(int limit) {
    Instant now = clock.instant();
    if (!settings.outsideQuietHours(now).equals(now)) {
      return 0;
    }
    int sent = 0;
    for (HappyCall call : store.due(now, limit)) {
      Optional<Citizen> citizen = citizens.find(call.citizen()).filter(c -> !c.consent().smsOptOut());
      Optional<String> phone = citizen.flatMap(HappyCalls::phone);
      boolean recent = call.calls() == 0
          && store.lastSent(call.citizen()).map(last -> last.plus(settings.gap()).isAfter(now)).orElse(false);
      if (phone.isEmpty() || recent || escalated.test(call.contact())) {
        store.skip(call.contact());
        continue;
      }
      boolean byVoice = voice != null && call.calls() < voice.calls() && voice.byVoice().test(call.contact());
      if (byVoice ? call(call, phone.get(), citizen.get().preferredLanguage(), now) : text(call, phone.get(), now)) {
        sent++;
      }
    }
    return sent;
  }

  /** Case 4: claimed, then placed; a call the carrier refuses is a call not answered (case 5). */
  private boolean call(HappyCall call, String phone, Language language, Instant now) {
    if (!store.markCalling(call.contact(), phone, now)) {
      return false;
    }
    try {
      voice.carrier().originate(new OutboundCall(call.contact(), new CitizenIdentity.Phone(phone), language,
          HappyCallVoice.SCRIPT, false, call.calls() + 1));
      return true;
    } catch (OneNumberException e) {
      notAnswered(call.contact());
      return false;
    }
  }

  private boolean text(HappyCall call, String phone, Instant now) {
    if (!store.markSent(call.contact(), phone, now)) {
      return false;
    }
    sms(call.contact(), phone);
    return true;
  }

  private void sms(ContactId contact, String phone) {
    messages.send(new MessageGateway.Outbound(contact, Channel.SMS, phone, TEXT, List.of()));
  }

  /** Case 5: a call without a score. */
  @Override
  public boolean notAnswered(ContactId contact) {
    return notAnswered(store.find(contact).filter(c -> c.state() == HappyCall.State.CALLING));
  }

  /** Case 5 for call number {@code call}; a late report of an earlier call (or none under way) changes nothing. */
  @Override
  public boolean notAnswered(ContactId contact, int call) {
    return notAnswered(store.find(contact).filter(c -> c.state() == HappyCall.State.CALLING && c.calls() == call));
  }

  private boolean notAnswered(Optional<HappyCall> call) {
    if (call.isEmpty()) {
      return false;
    }
    ContactId contact = call.get().contact();
    Instant now = clock.instant();
    if (voice != null && call.get().calls() < voice.calls()) {
      return store.callAgain(contact, settings.outsideQuietHours(now.plus(voice.retryAfter())));
    }
    if (!store.fallBackToSms(contact, now)) {
      return false;
    }
    sms(contact, call.get().phone());
    return true;
  }

  /** Case 5 for calls nobody reported on within {@code noAnswerAfter}. @return how many */
  public int expireCalls(int limit) {
    if (voice == null) {
      return 0;
    }
    int expired = 0;
    for (HappyCall call : store.callingSince(clock.instant().minus(voice.noAnswerAfter()), limit)) {
      if (notAnswered(call.contact())) {
        expired++;
      }
    }
    return expired;
  }

  /** Case 7 on the call. */
  @Override
  public boolean scored(ContactId contact, int score) {
    if (score < 1 || score > 5 || store.find(contact).filter(c -> c.state() == HappyCall.State.CALLING).isEmpty()) {
      return false;
    }
    return answer(contact, score);
  }

  /** Case 7 by SMS. */
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
    return answer(waiting.get().contact(), Integer.parseInt(answer));
  }

  private boolean answer(ContactId contact, int score) {
    Instant now = clock.instant();
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
