package org.onenumber.channels.media;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.onenumber.core.error.InvalidInputException;

/**
 * A block of IPv4 or IPv6 addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fe80::/10}).
 * Immutable. An IPv4 range never contains an IPv6 address and the reverse; IPv4 addresses written
 * inside IPv6 are unwrapped by {@link AddressGuard} first.
 */
record AddressRange(byte[] network, int prefix, String text) {

  /** Parses {@code a.b.c.d/n} or {@code x:y::/n}; a bare address is its own /32 or /128. */
  static AddressRange parse(String cidr) {
    String s = cidr.strip();
    int slash = s.indexOf('/');
    String host = slash < 0 ? s : s.substring(0, slash);
    if (!host.matches("[0-9a-fA-F:.]+") || host.isEmpty()) {
      throw new InvalidInputException("'" + s + "' is not an address range (a.b.c.d/n or an IPv6 prefix)");
    }
    byte[] bytes;
    try {
      bytes = InetAddress.getByName(host).getAddress();
      if (host.contains(":") && bytes.length == 4) {
        bytes = mapped(bytes);
      }
    } catch (UnknownHostException e) {
      throw new InvalidInputException("'" + s + "' is not an address range (a.b.c.d/n or an IPv6 prefix)");
    }
    int bits = bytes.length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(s.substring(slash + 1));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("'" + s + "' has no prefix length after the /");
    }
    if (prefix < 0 || prefix > bits) {
      throw new InvalidInputException("'" + s + "' has a prefix length outside 0.." + bits);
    }
    return new AddressRange(bytes, prefix, s);
  }

  /** {@code ::ffff:a.b.c.d}: the JDK reads an IPv6 prefix written that way as IPv4. */
  private static byte[] mapped(byte[] ipv4) {
    byte[] v6 = new byte[16];
    v6[10] = (byte) 0xFF;
    v6[11] = (byte) 0xFF;
    System.arraycopy(ipv4, 0, v6, 12, 4);
    return v6;
  }

  /** True when {@code address} (4 or 16 bytes) lies in this range. */
  boolean contains(byte[] address) {
    if (address.length != network.length) {
      return false;
    }
    int whole = prefix / 8;
    for (int i = 0; i < whole; i++) {
      if (address[i] != network[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xFF << (8 - rest)) & 0xFF;
    return (address[whole] & mask) == (network[whole] & mask);
  }

  @Override
  public String toString() {
    return text;
  }
}
