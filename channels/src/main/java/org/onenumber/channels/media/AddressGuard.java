package org.onenumber.channels.media;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether the server may connect to an address a citizen's link resolved to, so that a
 * link cannot make the server fetch from inside the city's network (server-side request forgery).
 * The cases, in order:
 *
 * <ol>
 *   <li>An address in a configured allowed range (for example {@code 127.0.0.0/8} in tests, or a
 *       city's own photo server) is permitted.
 *   <li>An IPv4 address written inside IPv6 — mapped {@code ::ffff:a.b.c.d}, compatible
 *       {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:aabb:ccdd::} — is
 *       judged as that IPv4 address (case 1 included).
 *   <li>IPv4 that is not public is refused: this-network {@code 0/8}, private {@code 10/8},
 *       {@code 172.16/12}, {@code 192.168/16}, carrier-grade NAT {@code 100.64/10}, loopback
 *       {@code 127/8}, link-local {@code 169.254/16} (the cloud metadata address
 *       {@code 169.254.169.254}), IETF {@code 192.0.0/24}, documentation, benchmarking
 *       {@code 198.18/15}, multicast {@code 224/4}, reserved {@code 240/4} (broadcast included).
 *   <li>IPv6 that is not public is refused: unspecified, loopback {@code ::1}, unique local
 *       {@code fc00::/7} (the metadata address {@code fd00:ec2::254}), link-local {@code fe80::/10},
 *       site-local {@code fec0::/10}, multicast {@code ff00::/8}, discard {@code 100::/64}, Teredo
 *       {@code 2001::/32} and documentation {@code 2001:db8::/32}.
 *   <li>Everything else is permitted.
 * </ol>
 *
 * Immutable and thread-safe. It judges addresses only; resolving a host once and connecting to
 * the judged address is {@link GuardedDnsResolver}'s part.
 */
public final class AddressGuard {

  private static final List<AddressRange> IPV4_BLOCKED = ranges("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
      "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.168.0.0/16",
      "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
  private static final List<AddressRange> IPV6_BLOCKED = ranges("::/128", "::1/128", "fc00::/7", "fe80::/10",
      "fec0::/10", "ff00::/8", "100::/64", "2001::/32", "2001:db8::/32");
  private static final AddressRange MAPPED = AddressRange.parse("::ffff:0:0/96");
  private static final AddressRange COMPATIBLE = AddressRange.parse("::/96");
  private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
  private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

  private final List<AddressRange> allowed;

  private AddressGuard(List<AddressRange> allowed) {
    this.allowed = List.copyOf(allowed);
  }

  /** Public addresses only. */
  public static AddressGuard publicOnly() {
    return new AddressGuard(List.of());
  }

  /**
   * Public addresses and those in {@code allowedRanges} (CIDR, e.g. {@code 127.0.0.0/8}).
   *
   * @throws org.onenumber.core.error.InvalidInputException naming a range that does not parse
   */
  public static AddressGuard allowing(List<String> allowedRanges) {
    return new AddressGuard(allowedRanges.stream().filter(r -> !r.isBlank()).map(AddressRange::parse).toList());
  }

  /** True when the server may connect to {@code address}. */
  public boolean permits(InetAddress address) {
    return refusal(address).isEmpty();
  }

  /** Why {@code address} may not be reached (naming the range), or empty when it may. */
  public Optional<String> refusal(InetAddress address) {
    return refusal(address.getAddress());
  }

  private Optional<String> refusal(byte[] bytes) {
    for (AddressRange range : allowed) {
      if (range.contains(bytes)) {
        return Optional.empty();
      }
    }
    if (bytes.length == 16) {
      if (MAPPED.contains(bytes) || NAT64.contains(bytes)
          || (COMPATIBLE.contains(bytes) && !isZeroOrOne(bytes))) {
        return refusal(Arrays.copyOfRange(bytes, 12, 16));
      }
      if (SIX_TO_FOUR.contains(bytes)) {
        return refusal(Arrays.copyOfRange(bytes, 2, 6));
      }
    }
    List<AddressRange> blocked = bytes.length == 4 ? IPV4_BLOCKED : IPV6_BLOCKED;
    for (AddressRange range : blocked) {
      if (range.contains(bytes)) {
        return Optional.of("is in " + range + ", which is not a public range");
      }
    }
    return Optional.empty();
  }

  /** {@code ::} and {@code ::1} are IPv6 themselves, not IPv4-compatible addresses. */
  private static boolean isZeroOrOne(byte[] bytes) {
    for (int i = 0; i < 15; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[15] == 0 || bytes[15] == 1;
  }

  private static List<AddressRange> ranges(String... cidrs) {
    return Arrays.stream(cidrs).map(AddressRange::parse).toList();
  }
}
