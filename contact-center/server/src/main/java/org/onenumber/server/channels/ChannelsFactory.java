package org.onenumber.server.channels;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.onenumber.channels.twilio.TwilioMessageGateway;
import org.onenumber.channels.twilio.TwilioMessagingWebhooks;
import org.onenumber.channels.twilio.TwilioSettings;
import org.onenumber.channels.twilio.TwilioSignatures;
import org.onenumber.core.campaign.Campaigns;
import org.onenumber.core.casework.CaseDueRules;
import org.onenumber.core.casework.CaseEscalation;
import org.onenumber.core.casework.CaseReplies;
import org.onenumber.core.casework.media.FetchCaseMedia;
import org.onenumber.core.casework.media.MmsPictures;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.messaging.DeliveryTracking;
import org.onenumber.core.messaging.MessageContext;
import org.onenumber.core.messaging.MessageIntake;
import org.onenumber.core.messaging.MessageReplies;
import org.onenumber.core.messaging.OutboundRetries;
import org.onenumber.core.messaging.RetryPolicy;
import org.onenumber.core.port.in.ActOnCase;
import org.onenumber.core.port.in.AnswerHappyCall;
import org.onenumber.core.port.in.EscalateCase;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.ReceiveMessage;
import org.onenumber.core.port.in.RecordCheckIn;
import org.onenumber.core.port.in.SendReply;
import org.onenumber.core.port.in.UpdateDeliveryStatus;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.GroupCommitLanes;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcCaseRegistry;
import org.onenumber.server.persistence.JdbcCitizenRegistry;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.server.persistence.JdbcMessageOutbox;
import org.onenumber.server.persistence.JdbcMessageStore;
import org.onenumber.server.routing.HandedContacts;

/**
 * Wires the messaging and escalation use cases; inbound messages thread into a case waiting on the
 * citizen ({@link CaseReplies}). Twilio is used when
 * {@code onenumber.twilio.account-sid} and {@code auth-token} are set; without them outbound SMS
 * fail visibly ({@code not_configured}) and every webhook is refused (403), since nothing could be
 * verified.
 */
@Factory
final class ChannelsFactory {

  @Singleton
  MessageGateway messageGateway(TwilioConfig twilio) {
    if (!twilio.configured()) {
      return message -> {
        throw new PermanentException("not_configured", "Twilio is not configured (onenumber.twilio.*)");
      };
    }
    return new TwilioMessageGateway(new TwilioSettings(twilio.accountSid(), twilio.authToken(),
        URI.create(twilio.apiBase()), twilio.smsFrom(), twilio.whatsappFrom(), twilio.statusCallback()));
  }

  @Singleton
  TwilioSignatures twilioSignatures(TwilioConfig twilio) {
    return new TwilioSignatures(twilio.configured() ? twilio.authToken() : "", twilio.publicUrl());
  }

  @Singleton
  TwilioMessagingWebhooks twilioMessagingWebhooks(TwilioSignatures signatures, ReceiveMessage receive,
      UpdateDeliveryStatus delivery, RecordCheckIn checkIns, AnswerHappyCall surveys, Campaigns campaigns) {
    return new TwilioMessagingWebhooks(signatures, receive, delivery, checkIns, surveys, campaigns);
  }

  @Singleton
  MessageContext messageContext(Jdbc jdbc, JdbcCitizenRegistry citizens, JdbcContactJournal journal,
      JdbcMessageStore store, MessageGateway gateway, VertxEventPublisher events, InstantSource clock,
      RandomGenerator random, JdbcMessageOutbox outbox, RetryPolicy retry,
      @Named("outbound-senders") ExecutorService senders) {
    return new MessageContext(citizens, journal, store, gateway, events, clock, random, outbox, retry, jdbc,
        senders);
  }

  /**
   * Makes the first attempt of each text sent while an inbound message is handled, after its
   * commit ({@code OutboundRetries#afterCommit}): {@code onenumber.outbox.senders} threads (8), so
   * a stalled Twilio holds at most that many replies and never the committer. Their work is in the
   * durable outbox; the poller takes over what is still pending when the server stops.
   */
  @Singleton
  @Named("outbound-senders")
  @Bean(preDestroy = "shutdown")
  ExecutorService outboundSenders(@Value("${onenumber.outbox.senders:8}") int senders) {
    return Executors.newFixedThreadPool(senders, Thread.ofPlatform().daemon().name("outbound-sender-", 0).factory());
  }

  /** Outbound retries (issue 11): {@code onenumber.outbox.*}. */
  @Singleton
  RetryPolicy retryPolicy(@Value("${onenumber.outbox.max-attempts:8}") int maxAttempts,
      @Value("${onenumber.outbox.base-delay:2s}") Duration baseDelay,
      @Value("${onenumber.outbox.max-delay:5m}") Duration maxDelay,
      @Value("${onenumber.outbox.claim:2m}") Duration claim) {
    return new RetryPolicy(maxAttempts, baseDelay, maxDelay, claim);
  }

  @Singleton
  OutboundRetries outboundRetries(MessageContext context) {
    return new OutboundRetries(context);
  }

  /**
   * Inbound messages (webhooks, chat): each message with its citizen, contact, case reply and media
   * jobs in one transaction, and concurrent messages in group commits ({@link GroupCommitLanes}). A
   * contact a message opened is handed to routing as journaled ({@link HandedContacts}; what follows
   * in the transaction, the message, a case's link and media jobs, are other rows), so that its
   * arrival does not read it back (issue 11, session 19: one statement less per new contact;
   * {@code onenumber.messaging.hand-to-routing=false} reads it back as before, for A/B runs).
   */
  @Singleton
  ReceiveMessage receiveMessage(MessageContext context, OpenContact openContact, JdbcCaseRegistry cases,
      ActOnCase desk, FetchCaseMedia media, @Named("inbound-messages") GroupCommitLanes commits,
      HandedContacts routing, @Value("${onenumber.messaging.hand-to-routing:true}") boolean handToRouting,
      @Value("${onenumber.messaging.default-language:ko}") String defaultLanguage) {
    ReceiveMessage chain = new MmsPictures(new CaseReplies(
        new MessageIntake(context, openContact, Language.of(defaultLanguage)), cases, desk), media, cases);
    return command -> commits.run(command.identity().value(), () -> {
      ReceiveMessage.Outcome outcome = chain.receive(command);
      if (handToRouting && outcome instanceof ReceiveMessage.Opened opened
          && opened.contact().state() == ContactState.QUEUED) {
        routing.hand(opened.contact());
      }
      return outcome;
    });
  }

  /**
   * {@code onenumber.messaging.group-commit.lanes}: how many committers run side by side (a
   * sender's messages always in the same one), each on a connection of their own pool (not the
   * shared one); {@code .max-batch}: the most inbound messages one transaction holds. Chat sessions
   * and {@code POST /api/v1/contacts} write here too.
   */
  @Singleton
  @Named("inbound-messages")
  @Bean(preDestroy = "close")
  GroupCommitLanes inboundCommits(Jdbc jdbc, DataSource shared,
      @Value("${onenumber.messaging.group-commit.lanes:4}") int lanes,
      @Value("${onenumber.messaging.group-commit.max-batch:200}") int maxBatch) {
    return GroupCommitLanes.withOwnConnections(jdbc, shared, "inbound-message-commits", lanes, maxBatch);
  }

  @Singleton
  SendReply sendReply(MessageContext context) {
    return new MessageReplies(context);
  }

  @Singleton
  UpdateDeliveryStatus updateDeliveryStatus(Jdbc jdbc, JdbcMessageStore store, VertxEventPublisher events,
      InstantSource clock) {
    return new DeliveryTracking(jdbc, store, events, clock);
  }

  @Singleton
  EscalateCase escalateCase(Jdbc jdbc, JdbcContactJournal journal, JdbcDirectory directory, JdbcCaseRegistry cases,
      SendReply replies, VertxEventPublisher events, InstantSource clock, CaseDueRules rules,
      @Value("${onenumber.zone:Asia/Seoul}") String zone) {
    return new CaseEscalation(jdbc, journal, directory, cases, replies, events, clock, ZoneId.of(zone), rules);
  }
}
