package org.onenumber.channels.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a link's host once per connection and hands the HTTP client only addresses the {@link
 * AddressGuard} permits, so the client connects to the very address that was checked (no second
 * lookup an attacker's DNS could answer differently). A host with any refused address is refused
 * whole ({@link RefusedAddressException}), so a name answering both a public and a private address
 * cannot be used to reach the private one. Literal addresses in any spelling the JDK accepts
 * ({@code 2130706433}, {@code [::ffff:127.0.0.1]}) are judged after parsing, by their bytes.
 * Thread-safe.
 */
final class GuardedDnsResolver implements DnsResolver {

  /** Looks a host name up (the system resolver, or a fixed answer in tests). */
  @FunctionalInterface
  interface Lookup {
    InetAddress[] all(String host) throws UnknownHostException;
  }

  private final AddressGuard guard;
  private final Lookup lookup;

  GuardedDnsResolver(AddressGuard guard, Lookup lookup) {
    this.guard = guard;
    this.lookup = lookup;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = lookup.all(host);
    for (InetAddress address : addresses) {
      var why = guard.refusal(address);
      if (why.isPresent()) {
        throw new RefusedAddressException("the link's host resolves to " + address.getHostAddress() + ", which "
            + why.get());
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  /** The host resolved to an address the guard refuses; nothing was connected. */
  static final class RefusedAddressException extends UnknownHostException {
    RefusedAddressException(String message) {
      super(message);
    }
  }
}
