package org.onenumber.core.event;

import java.time.Instant;

/** Something that happened, at an instant. Sealed so that listeners can switch exhaustively. */
public sealed interface DomainEvent
    permits ContactCreated, ContactStateChanged, CitizenRegistered, CitizenConsentChanged,
        AgentStateChanged, CaseOpened, CaseStatusChanged, CaseUpdated, QueuePositionChanged, OfferTimedOut,
        CallbackScheduled, CallbackPlaced, RoutingStepApplied, ConferenceRequested, MessageReceived,
        MessageSent, MessageStatusChanged, ContactCategorized, SurveyAnswered, AnswerChanged,
        AnswersImported {

  Instant at();

  /** A short stable name such as {@code contact.created}, used on the event bus and in the journal. */
  String type();
}
