package org.onenumber.ops.sla;

import java.util.Locale;
import org.onenumber.core.error.InvalidInputException;

/** One center, queue, channel, language or agent: the key of a set of figures. */
public record Scope(ScopeKind kind, String id) {

  public static final Scope CENTER = new Scope(ScopeKind.CENTER, "center");

  public Scope {
    InvalidInputException.require(kind, "kind");
    InvalidInputException.requireText(id, "id");
  }

  public static Scope queue(Object id) {
    return new Scope(ScopeKind.QUEUE, id.toString());
  }

  public static Scope channel(Object channel) {
    return new Scope(ScopeKind.CHANNEL, channel.toString());
  }

  public static Scope language(Object language) {
    return new Scope(ScopeKind.LANGUAGE, language.toString());
  }

  public static Scope agent(Object agent) {
    return new Scope(ScopeKind.AGENT, agent.toString());
  }

  /** Parses {@code center}, {@code queue} ... as given to the service-levels API. */
  public static Scope parse(String kind, String id) {
    ScopeKind k;
    try {
      k = ScopeKind.valueOf(InvalidInputException.requireText(kind, "scope").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("scope must be center, queue, channel, language or agent, got '" + kind + "'");
    }
    return k == ScopeKind.CENTER ? CENTER : new Scope(k, InvalidInputException.requireText(id, "id"));
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(Locale.ROOT) + ":" + id;
  }
}
