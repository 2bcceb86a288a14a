package org.onenumber.core.directory;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.error.InvalidInputException;

/**
 * A line contacts wait in for an agent: which languages and channels it serves, which skills it
 * requires, and its service-level threshold (answered within T seconds).
 *
 * @param priority base priority of contacts entering this queue; higher is served first
 */
public record Queue(
    QueueId id,
    String name,
    Set<Language> languages,
    Set<Channel> channels,
    List<SkillLevel> requiredSkills,
    int priority,
    Duration serviceLevelThreshold) {

  public Queue {
    InvalidInputException.require(id, "id");
    InvalidInputException.requireText(name, "name");
    languages = Set.copyOf(InvalidInputException.require(languages, "languages"));
    channels = Set.copyOf(InvalidInputException.require(channels, "channels"));
    requiredSkills = List.copyOf(InvalidInputException.require(requiredSkills, "requiredSkills"));
    InvalidInputException.require(serviceLevelThreshold, "serviceLevelThreshold");
    if (languages.isEmpty() || channels.isEmpty()) {
      throw new InvalidInputException("queue " + id + " must serve at least one language and channel");
    }
  }

  public boolean serves(Channel channel, Language language) {
    return channels.contains(channel) && languages.contains(language);
  }
}
