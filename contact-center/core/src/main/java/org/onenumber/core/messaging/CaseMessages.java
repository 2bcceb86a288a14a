package org.onenumber.core.messaging;

import java.util.Optional;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseEntryKind;
import org.onenumber.core.casework.CaseNotifier;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.OneNumberException;

/**
 * Tells citizens about their cases on the channel they used. The cases, in order:
 *
 * <ol>
 *   <li>The case's latest contact or its citizen cannot be found: nothing is sent.
 *   <li>A web chat still open: the message goes into the chat.
 *   <li>The citizen sent STOP: nothing is sent on SMS or WhatsApp.
 *   <li>An SMS or WhatsApp conversation (open or not): the message goes on the same channel to the
 *       address the citizen last wrote from.
 *   <li>Any other channel (a call, an ended chat, a form): an SMS to the citizen's phone number, when
 *       they gave one; otherwise nothing is sent.
 * </ol>
 *
 * The text is in the contact's language, else the citizen's ({@link CaseTexts}); a resolution also
 * asks how satisfied the citizen is (a reply "1" to "5" rates the answer, see
 * {@link org.onenumber.core.casework.CaseReplies}). The message is
 * stored on the latest contact like any outbound message, so the operator's and the department's
 * history show it. A provider failure is stored as a failed message and never thrown. Thread-safe.
 */
public final class CaseMessages implements CaseNotifier {

  private static final String AUTHOR = "system";

  private final MessageContext context;

  public CaseMessages(MessageContext context) {
    this.context = context;
  }

  @Override
  public void tell(Case c, CaseStatusChange row) {
    Optional<Contact> latest = context.journal().find(c.contacts().get(c.contacts().size() - 1));
    Optional<Citizen> citizen = context.citizens().find(c.citizen());
    if (latest.isEmpty() || citizen.isEmpty()) {
      return;
    }
    Contact contact = latest.get();
    Language language = contact.language() != null ? contact.language() : citizen.get().preferredLanguage();
    String body = CaseTexts.update(c.id().value(), row.status(), row.publicNote(), language);
    if (row.kind() == CaseEntryKind.STATUS && row.status() == CaseStatus.RESOLVED) {
      body = body + "\n" + CaseTexts.ratingQuestion(language);
    }
    try {
      send(contact, citizen.get(), body);
    } catch (OneNumberException unreachable) {
      return;
    }
  }

  private void send(Contact contact, Citizen citizen, String body) {
    Channel channel = contact.channel();
    if (channel == Channel.CHAT && !contact.state().isTerminal()) {
      context.dispatch().send(contact.id(), channel, MessageReplies.peerOf(context, contact, citizen), AUTHOR, body,
          null);
      return;
    }
    if (citizen.consent().smsOptOut()) {
      return;
    }
    if (channel == Channel.SMS || channel == Channel.WHATSAPP) {
      context.dispatch().send(contact.id(), channel, MessageReplies.peerOf(context, contact, citizen), AUTHOR, body,
          null);
      return;
    }
    String phone = MessageReplies.fallbackPeer(Channel.SMS, citizen);
    context.dispatch().send(contact.id(), Channel.SMS, phone, AUTHOR, body, null);
  }
}
