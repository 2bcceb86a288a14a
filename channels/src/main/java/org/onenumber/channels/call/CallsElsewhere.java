package org.onenumber.channels.call;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;

/**
 * The calls other nodes of a cluster hold (issue 11): a call lives on its <em>home</em>, the node where
 * the citizen's socket started (or resumed) it; a party whose socket is on another node has its frames
 * handed to the home, which answers through a {@link CallPeer} that sends back to that node. The server
 * implements it over the clustered event bus; one node alone uses {@link #NONE}.
 */
public interface CallsElsewhere {

  /** One node alone: every call is here, nothing is relayed (each method's default). */
  CallsElsewhere NONE = new CallsElsewhere() {};

  /** What the home does with what another node hands it. */
  interface Home {

    /** A frame from {@code from}, a socket on another node (who signed in there, if anyone). */
    void frame(Map<String, Object> frame, CallPeer from, Optional<AgentId> signedIn, Optional<String> staffOf);

    /** {@code from}'s socket on another node closed. */
    void closed(CallPeer from);

    /**
     * {@code who}'s socket {@code from} on another node, joined to this call as {@code party} (the host, or the
     * guest: that node saw the home seat it) before it moved here, is back.
     */
    void rejoin(ContactId contact, CallPeer from, AgentId who, CallParty party);

    /**
     * The resume token of {@code contact}'s call held here, handed to the nodes relaying to it, so that one
     * of them can rebuild the call should this node die.
     */
    default Optional<String> token(ContactId contact) {
      return Optional.empty();
    }
  }

  /** What a node relaying to a call's home does when that home left the cluster (died, or was cut off). */
  interface HomeLost {

    /** {@code contact}'s home is gone; {@code token} is its call's resume token, if the home had told it. */
    void lost(ContactId contact, Optional<String> token);
  }

  /** This node is the home of {@code contact}'s call from now on: other nodes' frames for it go to {@code handler}. */
  default void home(ContactId contact, Home handler) {}

  /** This node is no longer the home of {@code contact}'s call (it ended). */
  default void gone(ContactId contact) {}

  /**
   * Hands {@code frame} from {@code from} (a socket on this node) to the home of {@code contact}'s call and
   * waits until the home handled it (its answers reach {@code from} as frames); false when no other node is
   * the home of that call. Call it from a thread that may block.
   */
  default boolean relay(ContactId contact, Map<String, Object> frame, CallPeer from, Optional<AgentId> signedIn,
      Optional<String> staffOf) {
    return false;
  }

  /** {@code from}, whose frames for {@code contact} were relayed to its home, closed. */
  default void closed(ContactId contact, CallPeer from) {}

  /** {@code from}, whose frames were relayed, is now a party of a call on this node: nothing comes for it any more. */
  default void forget(CallPeer from) {}

  /** This node rebuilt {@code contact}'s call (its citizen resumed here, its home gone): tells the other nodes. */
  default void rehomed(ContactId contact) {}

  /** Calls {@code listener} (on a thread that may block) when another node rebuilt a call. */
  default void onRehomed(Consumer<ContactId> listener) {}

  /**
   * Hands {@code who}'s socket {@code from} (on this node; the call's host or its guest, {@code party}) to the new
   * home of {@code contact}'s call, without waiting.
   */
  default void rejoin(ContactId contact, CallPeer from, AgentId who, CallParty party) {}

  /**
   * Calls {@code listener} (on a thread that may block) when the home of a call this node relayed frames
   * to has left the cluster.
   */
  default void onHomeLost(HomeLost listener) {}

  /**
   * Calls {@code listener} (on a thread that may block) when the cluster's membership changed as this node sees
   * it (a member left, or this node merged back after being cut off): a woken or reconnected home then reads
   * its calls' claims again ({@link CallClaims}).
   */
  default void onMembersChanged(Runnable listener) {}

  /**
   * Whether this node is cut off from most of the cluster: it sees no more members than half the nodes the
   * shared database knows alive (a node woken from a freeze, or on the small side of a split, until Hazelcast
   * merges it back). Such a node neither rebuilds nor takes over a call: the call's live home may be on the
   * other side, and claiming it there would void that home's claim ({@link CallClaims}). Cheap (the database's
   * count of live nodes is the one its lease heartbeat last read). One node alone: never.
   */
  default boolean cutOff() {
    return false;
  }

  /** Whether a node answers as the home of {@code contact}'s call now (asks it; may block a few seconds). */
  default boolean homeAnswers(ContactId contact) {
    return false;
  }

  /**
   * Whether no other node holds {@code contact}'s call for sure: none consumes its home's address (the home ended
   * it, or left the cluster); false when a home answers or may (no answer in time: frozen, busy). May block a few
   * seconds. One node alone: true.
   */
  default boolean noHome(ContactId contact) {
    return true;
  }
}
