package org.onenumber.server.telephony;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.CallControl;

/**
 * Every carrier's {@link CallControl} behind one door. A call is controlled by the carrier that
 * {@link CallControl#carries carries} it; a callback (a call that does not exist yet) goes to the
 * carrier named by {@code onenumber.telephony.callback-carrier} (default {@code asterisk}), or
 * else the first carrier by name. A carrier's name is its class name without {@code CallControl},
 * lower-cased ({@code AsteriskCallControl} → {@code asterisk}). Thread-safe: the list is fixed at
 * start and each carrier is thread-safe by the port's contract.
 */
@Singleton
public final class CallControls {

  private final List<CallControl> carriers;
  private final String callbackCarrier;

  CallControls(List<CallControl> carriers,
      @Value("${onenumber.telephony.callback-carrier:asterisk}") String callbackCarrier) {
    List<CallControl> sorted = new ArrayList<>(carriers);
    sorted.sort(Comparator.comparing(CallControls::name));
    this.carriers = List.copyOf(sorted);
    this.callbackCarrier = callbackCarrier.trim().toLowerCase(Locale.ROOT);
  }

  /** The carrier's short name: {@code AsteriskCallControl} → {@code asterisk}. */
  static String name(CallControl carrier) {
    return carrier.getClass().getSimpleName().replace("CallControl", "").toLowerCase(Locale.ROOT);
  }

  /** The carrier carrying {@code contact}'s call now, if any. */
  public Optional<CallControl> carrierOf(ContactId contact) {
    return carriers.stream().filter(c -> c.carries(contact)).findFirst();
  }

  /** Like {@link #carrierOf}, but a contact no carrier carries is refused with {@link NoCallException}. */
  public CallControl require(ContactId contact) {
    return carrierOf(contact).orElseThrow(() -> new NoCallException(contact));
  }

  /** The carrier that dials callbacks: the configured one when present, else the first by name. */
  public Optional<CallControl> forCallbacks() {
    return carriers.stream().filter(c -> name(c).equals(callbackCarrier)).findFirst()
        .or(() -> carriers.stream().findFirst());
  }

  /** The carriers' names, for logs and health. */
  public List<String> names() {
    return carriers.stream().map(CallControls::name).toList();
  }
}
