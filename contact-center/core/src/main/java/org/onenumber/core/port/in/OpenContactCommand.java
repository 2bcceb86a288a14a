package org.onenumber.core.port.in;

import java.util.Set;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.error.InvalidInputException;

/**
 * Open a contact.
 *
 * @param topic what the citizen said: first message, IVR choice or form subject (up to 4,000 characters)
 * @param queue a queue to use instead of choosing one; null to choose
 * @param priority a priority instead of the queue's; null to use the queue's
 * @param requiredSkills skills instead of the queue's; empty to use the queue's
 * @param identityVerified true when the channel itself proves the identity (a signed SMS webhook, the
 *     caller id the carrier delivered, a trusted integration); an unverified phone number or e-mail
 *     address never joins an existing citizen's history
 */
public record OpenContactCommand(
    Channel channel,
    CitizenIdentity identity,
    String citizenName,
    Language language,
    String topic,
    QueueId queue,
    Integer priority,
    Set<SkillLevel> requiredSkills,
    boolean identityVerified) {

  public static final int MAX_TOPIC = 4_000;

  /** A contact whose identity the channel has verified. */
  public OpenContactCommand(Channel channel, CitizenIdentity identity, String citizenName, Language language,
      String topic, QueueId queue, Integer priority, Set<SkillLevel> requiredSkills) {
    this(channel, identity, citizenName, language, topic, queue, priority, requiredSkills, true);
  }

  public OpenContactCommand {
    InvalidInputException.require(channel, "channel");
    InvalidInputException.require(identity, "citizen identity");
    InvalidInputException.require(language, "language");
    if (topic != null && topic.length() > MAX_TOPIC) {
      throw new InvalidInputException("topic is longer than " + MAX_TOPIC + " characters");
    }
    if (priority != null && (priority < 0 || priority > 100)) {
      throw new InvalidInputException("priority must be 0..100");
    }
    requiredSkills = Set.copyOf(requiredSkills == null ? Set.of() : requiredSkills);
  }
}
