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

  @Nested
  class FakeCaseAttachmentsTest extends CaseAttachmentsContract {
    private final FakeCaseRegistry cases = new FakeCaseRegistry();
    private final FakeCaseAttachments attachments = new FakeCaseAttachments();

    @Override
    protected org.onenumber.core.port.out.CaseAttachments attachments() {
      return attachments;
    }

    @Override
    protected CaseRegistry cases() {
      return cases;
    }
  }

  @Nested
  class FakeWelfareScheduleTest extends WelfareScheduleContract {
    private final FakeWelfareSchedule schedule = new FakeWelfareSchedule();
    private final FakeSeniorRegistry seniors = new FakeSeniorRegistry();

    @Override
    protected org.onenumber.core.port.out.WelfareSchedule schedule() {
      return schedule;
    }

    @Override
    protected org.onenumber.core.port.out.SeniorRegistry seniors() {
      return seniors;
    }
  }
}
