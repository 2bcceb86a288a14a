package org.onenumber.core.welfare;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;

/**
 * One senior enrolled in the welfare-call program. Immutable; validated on construction, so a
 * registry holds only seniors the planner can call: at least one phone, consent to calls, and
 * windows on at least two different days (the program calls two or three times a week).
 *
 * @param phones the numbers to call, first one first
 * @param worker the assigned welfare worker's or volunteer's name (may be empty)
 * @param workerPhone the number the escalation text goes to; null when nobody is assigned
 * @param careNotes how to talk with the senior (call slowly, hearing aid); may be empty
 * @param endsOn the last day in the program; null while enrolled
 */
public record Senior(
    SeniorId id,
    String name,
    List<CitizenIdentity.Phone> phones,
    String address,
    String district,
    Language language,
    WelfareConsent consent,
    List<EmergencyContact> emergencyContacts,
    String worker,
    CitizenIdentity.Phone workerPhone,
    List<CallWindow> windows,
    CheckInMode mode,
    String careNotes,
    LocalDate enrolledOn,
    LocalDate endsOn) {

  public Senior {
    InvalidInputException.require(id, "id");
    InvalidInputException.requireText(name, "name");
    phones = List.copyOf(InvalidInputException.require(phones, "phones"));
    if (phones.isEmpty()) {
      throw new InvalidInputException("a senior needs at least one phone number");
    }
    address = address == null ? "" : address;
    InvalidInputException.requireText(district, "district");
    InvalidInputException.require(language, "language");
    InvalidInputException.require(consent, "consent");
    if (!consent.calls()) {
      throw new InvalidInputException("the senior has not consented to calls");
    }
    emergencyContacts = List.copyOf(emergencyContacts == null ? List.of() : emergencyContacts);
    worker = worker == null ? "" : worker;
    windows = List.copyOf(InvalidInputException.require(windows, "windows"));
    if (days(windows).size() < 2) {
      throw new InvalidInputException("preferred windows must cover at least two different days");
    }
    InvalidInputException.require(mode, "check-in mode");
    if (mode == CheckInMode.SMS && !consent.sms()) {
      throw new InvalidInputException("an SMS check-in needs consent to texts");
    }
    careNotes = careNotes == null ? "" : careNotes;
    InvalidInputException.require(enrolledOn, "enrolled on");
    if (endsOn != null && endsOn.isBefore(enrolledOn)) {
      throw new InvalidInputException("the program ends after enrolment");
    }
    if (name.length() > 200 || address.length() > 500 || careNotes.length() > 2_000 || district.length() > 100) {
      throw new InvalidInputException("a text field is too long (name 200, address 500, district 100, notes 2000)");
    }
  }

  /** True when the senior is in the program on {@code day}. */
  public boolean enrolledOn(LocalDate day) {
    return !day.isBefore(enrolledOn) && (endsOn == null || !day.isAfter(endsOn));
  }

  /** The windows on {@code day}'s weekday, in the order given. */
  public List<CallWindow> windowsOn(DayOfWeek day) {
    return windows.stream().filter(w -> w.day() == day).toList();
  }

  public CitizenIdentity.Phone phone() {
    return phones.get(0);
  }

  private static Set<DayOfWeek> days(List<CallWindow> windows) {
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    windows.forEach(w -> days.add(w.day()));
    return days;
  }
}
