package org.onenumber.core.welfare;

/** How a senior is checked on. */
public enum CheckInMode {
  /** An automated call: "press 1 if you are well, 2 to talk to someone", in their language, slowly. */
  AUTOMATED,
  /** An operator of the welfare queue reads the senior's card, then places the call. */
  PREVIEW,
  /** A text: "reply 1 if you are well". */
  SMS
}
