package org.onenumber.core.port.in;

import java.net.URI;
import java.util.List;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;

/**
 * A citizen's message arrived on a text channel.
 *
 * @param peer the sender's address as the channel spells it ({@code whatsapp:+8210...}); replies go there
 * @param providerId the channel's id of this message (Twilio MessageSid, chat client id): repeats are ignored
 * @param language the language the citizen chose, or null to use their known one or guess from the text
 */
public record ReceiveMessageCommand(Channel channel, CitizenIdentity identity, String peer, String body,
    List<URI> media, String providerId, Language language) {
  public ReceiveMessageCommand {
    InvalidInputException.require(channel, "channel");
    InvalidInputException.require(identity, "citizen identity");
    InvalidInputException.requireText(peer, "peer");
    InvalidInputException.requireText(providerId, "providerId");
    media = List.copyOf(media == null ? List.of() : media);
    body = body == null ? "" : body;
  }
}
