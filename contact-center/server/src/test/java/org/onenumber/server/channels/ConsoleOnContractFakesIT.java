package org.onenumber.server.channels;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@link BrowserStoryIT} story on {@link ContractFakes} (routing and knowledge answered as
 * their contracts say), so that the console's offer, accept, knowledge, reply, escalate and
 * wrap-up paths run in a real browser before those branches are merged. Delete with
 * {@link ContractFakes} after the merge (the fakes would then clash with the real routes).
 */
class ConsoleOnContractFakesIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.test.contract-fakes", "true"));
  @RegisterExtension
  final Browsers browsers = new Browsers();

  @Test
  void citizenAndOperatorWalkTheStoryAgainstTheContracts() {
    BrowserStoryIT.walk(server, browsers.open(), browsers.open(), "contract-fakes");
  }
}
