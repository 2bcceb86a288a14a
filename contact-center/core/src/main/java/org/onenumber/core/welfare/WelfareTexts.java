package org.onenumber.core.welfare;

import org.onenumber.core.directory.Language;

/** The program's texts, Korean for Korean speakers and English for everyone else. */
final class WelfareTexts {

  private WelfareTexts() {}

  static String checkIn(Language language) {
    return Language.KOREAN.equals(language)
        ? "[120 안부확인] 안녕하세요. 잘 지내시면 1, 상담을 원하시면 2를 답장해 주세요."
        : "[City 120 check-in] Hello! Reply 1 if you are well, or 2 to talk to someone.";
  }

  /** To the assigned worker or volunteer (the senior consented to sharing). */
  static String toWorker(Senior senior, String caseId, EscalationLadder.Reason reason) {
    return "[120 welfare] Please check on " + senior.name() + " (" + senior.district() + "), case " + caseId
        + ": " + why(reason) + ".";
  }

  /** To an emergency contact (the senior consented). */
  static String toEmergencyContact(Senior senior, EscalationLadder.Reason reason) {
    return "[120 welfare] " + senior.name() + ": " + why(reason) + ". The district welfare team has been asked to visit.";
  }

  private static String why(EscalationLadder.Reason reason) {
    return switch (reason) {
      case ASKED_FOR_HELP -> "asked to talk to someone";
      case CONCERN -> "the operator is concerned";
      case UNREACHED -> "not reached on several tries";
    };
  }
}
