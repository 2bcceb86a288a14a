package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.routing.RoutingCommand;

/**
 * Each routing partition's relay uses its own bus addresses: the default partition's are today's
 * (an unpartitioned cluster is unchanged), another's end in {@code .<partition>}; a command for the
 * sign-language partition reaches only the consumer of that partition's address.
 */
class CommandRelayPartitionTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void aPartitionsCommandsGoToItsOwnAddressOnly() {
    assertEquals("onenumber.routing.commands", CommandRelay.address(CommandRelay.COMMANDS, "routing"));
    assertEquals("onenumber.routing.reads.sign", CommandRelay.address(CommandRelay.READS, "sign"));
    vertx.eventBus().<Buffer>consumer("onenumber.routing.commands.sign",
        message -> message.fail(404, "contact c-1 not found on sign's owner")).completion().await();
    RoutingCommand hold = new RoutingCommand.Hold(new ContactId("c-1"));

    CommandRelay.RelayedRefusal answered = assertThrows(CommandRelay.RelayedRefusal.class,
        () -> new CommandRelay(vertx, "sign").forward(hold));
    assertEquals("contact c-1 not found on sign's owner", answered.getMessage());
    assertThrows(RoutingHost.RoutingBusyException.class, () -> new CommandRelay(vertx, "korean").forward(hold),
        "nobody owns korean here");
    assertThrows(RoutingHost.RoutingBusyException.class, () -> new CommandRelay(vertx).forward(hold),
        "nor the default partition");
  }
}
