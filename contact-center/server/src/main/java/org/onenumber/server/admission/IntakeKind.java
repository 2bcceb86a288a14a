package org.onenumber.server.admission;

/**
 * The kinds of intake work bounded by {@link IntakeAdmission}, each with its own limit under
 * {@code onenumber.admission.<key>}. Operator and routing calls (login, accept, wrap-up) are no kind:
 * they are never shed, and bounding intake keeps threads and connections free for them.
 */
public enum IntakeKind {
  /** Signed Twilio messaging webhooks (inbound SMS/MMS/WhatsApp, delivery status). */
  WEBHOOK("webhooks"),
  /** Citizen chat frames that write: {@code start} and {@code message} on {@code /ws/chat}. */
  CHAT("chat"),
  /** Open311 {@code POST /open311/v2/requests.*} and the report page's {@code POST /report/requests}. */
  REPORT("reports"),
  /** Contact creation, {@code POST /api/v1/contacts}. */
  CONTACT("contacts"),
  /** A FastAGI call becoming a contact (the IVR's intake); a shed call hears "all lines are busy". */
  CALL("calls");

  private final String key;

  IntakeKind(String key) {
    this.key = key;
  }

  /** The setting's last part and the metrics' {@code kind} tag. */
  public String key() {
    return key;
  }
}
