package org.onenumber.server.chat;

import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.onenumber.server.chat.JdbcChatSessions.ChatSession;

/**
 * The chat sessions of this node's open sockets, kept in memory so that a frame needs no database
 * read (issue 17, session 17: the session's read on every frame took a shared connection each). A
 * session enters with the socket that starts or resumes it (what was just written or read: the
 * database is never behind this copy, as each change is written before it is made here), changes
 * only after its change committed ({@code message}'s contact, {@code leave}), and leaves with its
 * last socket. Two sockets of one session on this node share the entry (one tab's {@code leave}
 * ends the other's). Thread-safe.
 */
@Singleton
final class LiveChatSessions {

  private record Entry(ChatSession session, int sockets) {}

  private final Map<String, Entry> live = new ConcurrentHashMap<>();

  /** A socket took {@code session} (just written or read from the database, so the freshest known). */
  void attach(ChatSession session) {
    live.merge(session.token(), new Entry(session, 1), (old, added) -> new Entry(session, old.sockets() + 1));
  }

  /** The session behind {@code token} while one of its sockets is open here. */
  Optional<ChatSession> find(String token) {
    return Optional.ofNullable(live.get(token)).map(Entry::session);
  }

  /** Applies a committed change to the session, if it is live here. */
  void update(String token, UnaryOperator<ChatSession> change) {
    live.computeIfPresent(token, (t, e) -> new Entry(change.apply(e.session()), e.sockets()));
  }

  /** A socket of the session closed; the session is forgotten with its last one. */
  void detach(String token) {
    live.computeIfPresent(token, (t, e) -> e.sockets() <= 1 ? null : new Entry(e.session(), e.sockets() - 1));
  }

  /** How many sessions are live (tests). */
  int size() {
    return live.size();
  }
}
