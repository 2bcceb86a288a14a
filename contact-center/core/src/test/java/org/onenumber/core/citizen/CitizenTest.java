package org.onenumber.core.citizen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;

class CitizenTest {

  private static final CitizenIdentity PHONE = new CitizenIdentity.Phone("+821012345678");
  private static final CitizenIdentity EMAIL = new CitizenIdentity.Email("kim@example.com");

  private static Citizen kim() {
    return new Citizen(new CitizenId("z1"), null, Set.of(PHONE), Language.KOREAN, Consent.DEFAULT);
  }

  @Test
  void recognisesOnlyItsOwnIdentities() {
    assertTrue(kim().hasIdentity(new CitizenIdentity.Phone("+821012345678")));
    assertFalse(kim().hasIdentity(EMAIL));
    assertNull(kim().name());
  }

  @Test
  void addsAnIdentityWithoutChangingTheOriginal() {
    Citizen original = kim();
    Citizen more = original.withIdentity(EMAIL);
    assertEquals(Set.of(PHONE, EMAIL), more.identities());
    assertEquals(Set.of(PHONE), original.identities());
    assertEquals(original.id(), more.id());
  }

  @Test
  void changesConsentAndPreferredLanguageOnACopy() {
    Citizen optedOut = kim().withConsent(Consent.DEFAULT.withSmsOptOut(true));
    assertEquals(new Consent(true, false, true), optedOut.consent());
    assertEquals(Consent.DEFAULT, kim().consent());
    assertEquals(Language.ENGLISH, kim().withPreferredLanguage(Language.ENGLISH).preferredLanguage());
    assertEquals(Set.of(PHONE), optedOut.withPreferredLanguage(Language.ENGLISH).identities());
  }

  @Test
  void defaultConsentKeepsHistoryButDoesNotRecordAndAllowsSms() {
    assertTrue(Consent.DEFAULT.storeHistory());
    assertFalse(Consent.DEFAULT.recordCalls());
    assertFalse(Consent.DEFAULT.smsOptOut());
    assertEquals(new Consent(false, true, false), new Consent(false, true, true).withSmsOptOut(false));
  }

  @Test
  void rejectsACitizenWithoutIdOrLanguageOrConsent() {
    assertThrows(InvalidInputException.class,
        () -> new Citizen(null, null, Set.of(PHONE), Language.KOREAN, Consent.DEFAULT));
    assertThrows(InvalidInputException.class,
        () -> new Citizen(new CitizenId("z1"), null, Set.of(PHONE), null, Consent.DEFAULT));
    assertThrows(InvalidInputException.class,
        () -> new Citizen(new CitizenId("z1"), null, Set.of(PHONE), Language.KOREAN, null));
  }
}
