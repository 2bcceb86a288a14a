package org.onenumber.server.security;

import io.micronaut.context.exceptions.ConfigurationException;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code onenumber.trusted-proxies}):
 * comma-separated IPv4/IPv6 addresses or CIDR ranges ({@code 10.0.0.0/8}, {@code fd00::/8}). Parsing
 * and matching are Netty's ({@link NetUtil} reads literal addresses only, never DNS; {@link
 * IpSubnetFilterRule} matches a range). A malformed entry fails the server's start. Immutable.
 */
final class TrustedProxies {

  private final List<IpSubnetFilterRule> ranges;

  TrustedProxies(String configured) {
    this.ranges = Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .map(TrustedProxies::range).toList();
  }

  private static IpSubnetFilterRule range(String entry) {
    int slash = entry.indexOf('/');
    String address = slash < 0 ? entry : entry.substring(0, slash);
    InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
    if (parsed == null) {
      throw new ConfigurationException("onenumber.trusted-proxies: not an IP address or CIDR range: " + entry);
    }
    int bits = parsed.getAddress().length * 8;
    int prefix = bits;
    if (slash >= 0) {
      try {
        prefix = Integer.parseInt(entry.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bits) {
        throw new ConfigurationException("onenumber.trusted-proxies: bad prefix length in " + entry);
      }
    }
    return new IpSubnetFilterRule(parsed, prefix, IpFilterRuleType.ACCEPT);
  }

  /** True when {@code address} (a literal IP, as a peer or an X-Forwarded-For hop) is a trusted proxy. */
  boolean contains(String address) {
    if (ranges.isEmpty()) {
      return false;
    }
    InetAddress parsed = NetUtil.createInetAddressFromIpAddressString(address);
    if (parsed == null) {
      return false;
    }
    InetSocketAddress socket = new InetSocketAddress(parsed, 0);
    return ranges.stream().anyMatch(range -> range.matches(socket));
  }
}
