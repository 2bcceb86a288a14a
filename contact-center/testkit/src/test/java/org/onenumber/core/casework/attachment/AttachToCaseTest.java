package org.onenumber.core.casework.attachment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.testkit.FakeCaseAttachments;
import org.onenumber.testkit.FakeCaseRegistry;
import org.onenumber.testkit.ManualClock;

class AttachToCaseTest {

  private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};

  private final FakeCaseRegistry cases = new FakeCaseRegistry();
  private final FakeCaseAttachments attachments = new FakeCaseAttachments();
  private final ManualClock clock = new ManualClock(T0);
  private final AtomicInteger ids = new AtomicInteger();
  private final AttachToCase attach = new AttachToCase(cases, attachments, new AttachmentRules(64, 2), clock,
      () -> "att-" + ids.incrementAndGet());
  private final CaseId pothole = new CaseId("C-20261123-0001");

  AttachToCaseTest() {
    cases.save(new Case(pothole, new DepartmentId("roads"), "포트홀", CasePriority.NORMAL, "도로 파임",
        new CitizenId("citizen-kim"), List.of(new ContactId("c-1")), T0.plusSeconds(86_400),
        List.of(new CaseStatusChange(CaseStatus.OPEN, T0, "open311", null))));
  }

  @Test
  void storesAPhotoWithItsSniffedTypeSizeAndHash() throws Exception {
    CaseAttachment a = attach.attach(pothole, PNG, "web-form", "citizen");
    String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
    assertEquals(new CaseAttachment("att-1", pothole, AttachmentType.PNG, PNG.length, sha256, "web-form",
        "citizen", T0), a);
    assertEquals(List.of(a), attachments.of(pothole));
    assertArrayEquals(PNG, attachments.content(pothole, "att-1").orElseThrow());
    assertEquals("att-1.png", a.fileName());
  }

  @Test
  void trustsTheBytesNotTheClaimedType() {
    byte[] html = "<html><script>alert(1)</script>".getBytes(StandardCharsets.UTF_8);
    assertThrows(InvalidInputException.class, () -> attach.attach(pothole, html, "web-form", "citizen"));
    assertThrows(InvalidInputException.class, () -> attach.attach(pothole, new byte[0], "web-form", "citizen"));
    assertTrue(attachments.of(pothole).isEmpty());
  }

  @Test
  void refusesAPictureOverTheSizeLimitBeforeAnythingIsStored() {
    byte[] big = Arrays.copyOf(JPEG, 65);
    assertThrows(AttachmentTooLargeException.class, () -> attach.attach(pothole, big, "web-form", "citizen"));
    assertTrue(attachments.of(pothole).isEmpty());
    assertEquals(AttachmentType.JPEG, attach.check(Arrays.copyOf(JPEG, 64)));
  }

  @Test
  void refusesMoreAttachmentsThanACaseMayHold() {
    attach.attach(pothole, JPEG, "web-form", "citizen");
    attach.attach(pothole, PNG, "staff", "staff-roads");
    assertThrows(InvalidInputException.class, () -> attach.attach(pothole, JPEG, "staff", "staff-roads"));
    assertEquals(2, attachments.of(pothole).size());
  }

  @Test
  void refusesAnUnknownCase() {
    assertThrows(NotFoundException.class, () -> attach.attach(new CaseId("C-0"), JPEG, "web-form", "citizen"));
  }

  @Test
  void sniffsEachAcceptedSignatureAndNothingElse() {
    assertEquals(AttachmentType.JPEG, AttachmentType.sniff(JPEG).orElseThrow());
    assertEquals(AttachmentType.PNG, AttachmentType.sniff(PNG).orElseThrow());
    assertEquals(AttachmentType.GIF, AttachmentType.sniff("GIF89a....".getBytes(StandardCharsets.US_ASCII))
        .orElseThrow());
    assertEquals(AttachmentType.WEBP, AttachmentType.sniff("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII))
        .orElseThrow());
    assertTrue(AttachmentType.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).isEmpty());
    assertTrue(AttachmentType.sniff("GIF8xa".getBytes(StandardCharsets.US_ASCII)).isEmpty());
    assertTrue(AttachmentType.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8}).isEmpty());
    assertTrue(AttachmentType.sniff("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)).isEmpty());
  }
}
