package org.onenumber.channels.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.onenumber.core.error.InvalidInputException;

class AddressGuardTest {

  private final AddressGuard guard = AddressGuard.publicOnly();

  private static InetAddress ip(String literal) throws UnknownHostException {
    return InetAddress.getByName(literal);
  }

  private static InetAddress bytes(int... b) throws UnknownHostException {
    byte[] raw = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      raw[i] = (byte) b[i];
    }
    return InetAddress.getByAddress(raw);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "172.31.255.255",
      "192.168.1.1", "100.64.0.1", "169.254.169.254", "0.0.0.0", "224.0.0.1", "239.255.255.250",
      "255.255.255.255", "240.0.0.1", "192.0.0.8", "198.18.0.1"})
  void refusesIpv4ThatIsNotPublic(String address) throws Exception {
    assertFalse(guard.permits(ip(address)), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"::1", "::", "fe80::1", "fc00::1", "fd00:ec2::254", "ff02::1", "fec0::1",
      "2001:db8::1", "2001:0:4136:e378::1", "100::1"})
  void refusesIpv6ThatIsNotPublic(String address) throws Exception {
    assertFalse(guard.permits(ip(address)), address);
  }

  @ParameterizedTest
  @ValueSource(strings = {"8.8.8.8", "203.0.114.1", "172.32.0.1", "100.128.0.1", "169.253.255.255",
      "2606:4700:4700::1111", "2404:6800:4004:80f::2004"})
  void permitsPublicAddresses(String address) throws Exception {
    assertTrue(guard.permits(ip(address)), address);
  }

  @Test
  void judgesIpv4WrittenInsideIpv6AsThatIpv4Address() throws Exception {
    // ::ffff:127.0.0.1 built from raw bytes (the JDK turns the literal into IPv4 already)
    assertFalse(guard.permits(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 127, 0, 0, 1)), "mapped");
    assertFalse(guard.permits(ip("::ffff:169.254.169.254")), "mapped literal");
    assertFalse(guard.permits(ip("::ffff:7f00:1")), "mapped, hex");
    assertFalse(guard.permits(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 1)), "compatible ::10.0.0.1");
    assertFalse(guard.permits(ip("64:ff9b::a9fe:a9fe")), "NAT64 of 169.254.169.254");
    assertFalse(guard.permits(ip("2002:7f00:1::")), "6to4 of 127.0.0.1");
    assertTrue(guard.permits(ip("::ffff:8.8.8.8")), "mapped public");
    assertTrue(guard.permits(ip("64:ff9b::808:808")), "NAT64 of 8.8.8.8");
  }

  @Test
  void judgesOtherSpellingsOfLoopbackByTheBytesTheyParseTo() throws Exception {
    // the decimal and short spellings of 127.0.0.1 that resolvers accept
    for (String spelling : List.of("2130706433", "127.1", "127.0.1")) {
      InetAddress parsed = ip(spelling);
      assertEquals("127.0.0.1", parsed.getHostAddress(), spelling);
      assertFalse(guard.permits(parsed), spelling);
    }
    // the JDK reads a leading zero as decimal, not octal: 0177.0.0.1 is 177.0.0.1, public, and
    // that (not 127.0.0.1) is the address a connection would go to, since the judged bytes are used
    assertEquals("177.0.0.1", ip("0177.0.0.1").getHostAddress());
    assertTrue(guard.permits(ip("0177.0.0.1")));
  }

  @Test
  void anAllowedRangeLetsThoseAddressesThroughAndNoOthers() throws Exception {
    AddressGuard tests = AddressGuard.allowing(List.of("127.0.0.0/8", "", "fd12:3456::/32"));
    assertTrue(tests.permits(ip("127.0.0.1")));
    assertTrue(tests.permits(ip("::ffff:127.0.0.1")));
    assertTrue(tests.permits(ip("fd12:3456::7")));
    assertFalse(tests.permits(ip("::1")), "IPv6 loopback is not in 127/8");
    assertFalse(tests.permits(ip("10.0.0.1")));
    assertFalse(tests.permits(ip("169.254.169.254")));
  }

  @Test
  void aRefusalNamesTheRange() throws Exception {
    assertEquals("is in 169.254.0.0/16, which is not a public range",
        guard.refusal(ip("169.254.169.254")).orElseThrow());
  }

  @Test
  void aMalformedAllowedRangeIsRefusedWithItsText() {
    var e = assertThrows(InvalidInputException.class, () -> AddressGuard.allowing(List.of("127.0.0.0/33")));
    assertTrue(e.getMessage().contains("127.0.0.0/33"), e.getMessage());
    assertThrows(InvalidInputException.class, () -> AddressGuard.allowing(List.of("localhost")));
  }
}
