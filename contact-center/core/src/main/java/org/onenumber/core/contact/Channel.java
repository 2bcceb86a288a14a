package org.onenumber.core.contact;

/** The way a citizen reached the city. */
public enum Channel {
  VOICE(true),
  VIDEO(true),
  SMS(false),
  WHATSAPP(false),
  CHAT(false),
  WEB_FORM(false),
  EMAIL(false);

  private final boolean exclusive;

  Channel(boolean exclusive) {
    this.exclusive = exclusive;
  }

  /** Voice and video take an agent's whole attention; messaging channels may be handled N at a time. */
  public boolean isExclusive() {
    return exclusive;
  }
}
