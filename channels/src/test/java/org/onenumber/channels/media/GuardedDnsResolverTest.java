package org.onenumber.channels.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class GuardedDnsResolverTest {

  private static InetAddress ip(String literal) throws java.net.UnknownHostException {
    return InetAddress.getByName(literal);
  }

  @Test
  void aHostWithOneRefusedAddressAmongPublicOnesIsRefusedWhole() throws Exception {
    InetAddress[] answer = {ip("93.184.215.14"), ip("127.0.0.1")};
    var resolver = new GuardedDnsResolver(AddressGuard.publicOnly(), host -> answer);
    var e = assertThrows(GuardedDnsResolver.RefusedAddressException.class, () -> resolver.resolve("rebind.example"));
    assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
  }

  @Test
  void publicAddressesAreHandedOnAsResolved() throws Exception {
    InetAddress[] answer = {ip("93.184.215.14"), ip("2606:2800:21f:cb07:6820:80da:af6b:8b2c")};
    var resolver = new GuardedDnsResolver(AddressGuard.publicOnly(), host -> answer);
    assertArrayEquals(answer, resolver.resolve("photos.example"));
  }

  @Test
  void aHexadecimalSpellingIsAHostNameWhoseAnswerIsJudged() throws Exception {
    var resolver = new GuardedDnsResolver(AddressGuard.publicOnly(), host -> new InetAddress[] {ip("127.0.0.1")});
    assertThrows(GuardedDnsResolver.RefusedAddressException.class, () -> resolver.resolve("0x7f000001"));
  }
}
