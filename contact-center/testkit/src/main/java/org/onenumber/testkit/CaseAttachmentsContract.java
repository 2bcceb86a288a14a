package org.onenumber.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.casework.attachment.AttachmentType;
import org.onenumber.core.casework.attachment.CaseAttachment;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.port.out.CaseAttachments;
import org.onenumber.core.port.out.CaseRegistry;

/**
 * What every {@link CaseAttachments} must do. Subclasses give fresh stores per test in which the
 * world of {@link CaseRegistryContract} exists (department {@code roads}, citizen
 * {@code citizen-kim}, contact {@code c-1}).
 */
public abstract class CaseAttachmentsContract {

  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  /** The smallest JPEG-looking bytes: the signature and a few more. */
  public static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

  protected abstract CaseAttachments attachments();

  protected abstract CaseRegistry cases();

  private CaseId saveCase(String id) {
    cases().save(new Case(new CaseId(id), new DepartmentId("roads"), "포트홀", CasePriority.NORMAL, "도로 파임",
        new CitizenId("citizen-kim"), List.of(new ContactId("c-1")), T0.plusSeconds(86_400),
        List.of(new CaseStatusChange(CaseStatus.OPEN, T0, "open311", null))));
    return new CaseId(id);
  }

  private static CaseAttachment attachment(String id, CaseId caseId, int second) {
    return new CaseAttachment(id, caseId, AttachmentType.JPEG, JPEG.length, "ab".repeat(32), "web-form", "citizen",
        T0.plusSeconds(second));
  }

  @Test
  public void listsACasesAttachmentsOldestFirstAndReturnsTheirBytes() {
    CaseId c = saveCase("C-1");
    CaseAttachment later = attachment("a-2", c, 20);
    CaseAttachment first = attachment("a-1", c, 10);
    attachments().add(later, JPEG);
    attachments().add(first, JPEG);
    assertEquals(List.of(first, later), attachments().of(c));
    assertArrayEquals(JPEG, attachments().content(c, "a-2").orElseThrow());
  }

  @Test
  public void removesOneAttachmentOfItsOwnCaseOnly() {
    CaseId mine = saveCase("C-1");
    CaseId other = saveCase("C-2");
    attachments().add(attachment("a-1", mine, 1), JPEG);
    attachments().add(attachment("a-2", mine, 2), JPEG);
    attachments().remove(other, "a-1");
    attachments().remove(mine, "no-such");
    assertEquals(2, attachments().of(mine).size(), "another case's id or an unknown one removes nothing");
    attachments().remove(mine, "a-1");
    assertEquals(List.of("a-2"), attachments().of(mine).stream().map(CaseAttachment::id).toList());
    assertTrue(attachments().content(mine, "a-1").isEmpty());
  }

  @Test
  public void givesBytesOnlyForTheCaseTheAttachmentBelongsTo() {
    CaseId mine = saveCase("C-1");
    CaseId other = saveCase("C-2");
    attachments().add(attachment("a-1", mine, 1), JPEG);
    assertTrue(attachments().content(other, "a-1").isEmpty());
    assertTrue(attachments().of(other).isEmpty());
    assertTrue(attachments().content(mine, "no-such").isEmpty());
  }
}
