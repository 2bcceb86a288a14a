package org.onenumber.testkit;

import org.junit.jupiter.api.BeforeEach;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.MessageStore;

/** The fake passes the same contract as the JDBC store. */
class FakeMessageStoreTest extends MessageStoreContract {

  private FakeMessageStore store;

  @BeforeEach
  void fresh() {
    store = new FakeMessageStore();
  }

  @Override
  protected MessageStore store() {
    return store;
  }

  @Override
  protected ContactId contact() {
    return new ContactId("c-1");
  }
}
