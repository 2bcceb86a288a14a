package org.onenumber.telephony.asterisk;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.core.contact.ContactId;

/** {@link CarriedCalls} in a map, as the table would keep them. */
final class MapCarriedCalls implements CarriedCalls {

  private record Row(AsteriskCalls.Call call, Instant openedAt) {}

  private final Map<ContactId, Row> rows = new ConcurrentHashMap<>();

  @Override
  public void opened(AsteriskCalls.Call call, Instant at) {
    rows.put(call.contact(), new Row(call, at));
  }

  @Override
  public void agentLeg(ContactId contact, String agentChannel) {
    rows.computeIfPresent(contact, (c, r) -> new Row(r.call().withAgentChannel(agentChannel), r.openedAt()));
  }

  @Override
  public void closed(ContactId contact) {
    rows.remove(contact);
  }

  @Override
  public List<AsteriskCalls.Call> openedBefore(Instant instant) {
    return rows.values().stream().filter(r -> r.openedAt().isBefore(instant)).map(Row::call).toList();
  }

  /** The contacts kept, sorted. */
  List<String> contacts() {
    return rows.keySet().stream().map(ContactId::value).sorted().toList();
  }

  /** The operator leg kept for {@code contact}, or null. */
  String agentChannel(ContactId contact) {
    Row row = rows.get(contact);
    return row == null ? null : row.call().agentChannel();
  }
}
