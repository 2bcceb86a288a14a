package org.onenumber.core.port.out;

import java.util.Optional;

/**
 * The category of a contact's topic (the citizen's first words or an IVR choice) as the contact
 * is opened, so every listener learns it from the event stream without reading the journal. The
 * server's implementation is the city's classifier; {@link #NONE} knows no categories.
 * Implementations are thread-safe and do no I/O (a contact's intake waits for them).
 */
@FunctionalInterface
public interface TopicCategories {

  TopicCategories NONE = topic -> Optional.empty();

  /** The category of a topic; empty when the topic is blank or names none. */
  Optional<String> categoryOf(String topic);
}
