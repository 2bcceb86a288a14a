package org.onenumber.testkit;

import org.junit.jupiter.api.Nested;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.ContactJournal;

/** The fakes pass the same contract suites as the JDBC adapters. */
class FakeContractsTest {

  @Nested
  class FakeContactJournalTest extends ContactJournalContract {
    private final FakeContactJournal journal = new FakeContactJournal();
    private final FakeCitizenRegistry citizens = new FakeCitizenRegistry();

    @Override
    protected ContactJournal journal() {
      return journal;
    }

    @Override
    protected CitizenRegistry citizens() {
      return citizens;
    }
  }

  @Nested
  class FakeCitizenRegistryTest extends CitizenRegistryContract {
    private final FakeCitizenRegistry citizens = new FakeCitizenRegistry();

    @Override
    protected CitizenRegistry citizens() {
      return citizens;
    }
  }

  @Nested
  class FakeCaseRegistryTest extends CaseRegistryContract {
    private final FakeCaseRegistry cases = new FakeCaseRegistry();

    @Override
    protected CaseRegistry cases() {
      return cases;
    }
  }
}
