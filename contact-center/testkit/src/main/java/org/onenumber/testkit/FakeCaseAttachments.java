package org.onenumber.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.attachment.CaseAttachment;
import org.onenumber.core.port.out.CaseAttachments;

/** In-memory attachments, listed oldest first (then by id). Thread-safe. */
public final class FakeCaseAttachments implements CaseAttachments {

  private final List<CaseAttachment> attachments = new ArrayList<>();
  private final Map<String, byte[]> contents = new HashMap<>();

  @Override
  public synchronized void add(CaseAttachment attachment, byte[] content) {
    if (contents.containsKey(attachment.id())) {
      throw new IllegalStateException("attachment " + attachment.id() + " exists");
    }
    attachments.add(attachment);
    contents.put(attachment.id(), content.clone());
  }

  @Override
  public synchronized List<CaseAttachment> of(CaseId caseId) {
    return attachments.stream().filter(a -> a.caseId().equals(caseId))
        .sorted(Comparator.comparing(CaseAttachment::addedAt).thenComparing(CaseAttachment::id)).toList();
  }

  @Override
  public synchronized void remove(CaseId caseId, String id) {
    if (attachments.removeIf(a -> a.id().equals(id) && a.caseId().equals(caseId))) {
      contents.remove(id);
    }
  }

  @Override
  public synchronized Optional<byte[]> content(CaseId caseId, String id) {
    return attachments.stream().filter(a -> a.id().equals(id) && a.caseId().equals(caseId)).findFirst()
        .map(a -> contents.get(id).clone());
  }
}
