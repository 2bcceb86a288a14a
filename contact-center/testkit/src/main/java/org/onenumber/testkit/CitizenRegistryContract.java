package org.onenumber.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.CitizenRegistry;

/** What every {@link CitizenRegistry} must do. Subclasses give a fresh, empty registry per test. */
public abstract class CitizenRegistryContract {

  protected abstract CitizenRegistry citizens();

  private final CitizenIdentity.Phone phone = new CitizenIdentity.Phone("+821012345678");
  private final Citizen kim = new Citizen(new CitizenId("kim"), "김철수", Set.of(phone), Language.KOREAN, Consent.DEFAULT);

  @Test
  public void findsACitizenByIdAndByEveryIdentity() {
    Citizen both = kim.withIdentity(new CitizenIdentity.Email("Kim@Example.org"));
    citizens().save(both);
    assertEquals(both, citizens().find(kim.id()).orElseThrow());
    assertEquals(both, citizens().findByIdentity(phone).orElseThrow());
    assertEquals(both, citizens().findByIdentity(new CitizenIdentity.Email("kim@example.org")).orElseThrow());
  }

  @Test
  public void findsNobodyForAnUnknownIdentity() {
    citizens().save(kim);
    assertTrue(citizens().findByIdentity(new CitizenIdentity.Phone("+821099998888")).isEmpty());
    assertTrue(citizens().findByIdentity(new CitizenIdentity.ChatHandle("+821012345678")).isEmpty());
  }

  @Test
  public void savingAgainKeepsConsentLanguageAndNewIdentities() {
    citizens().save(kim);
    Citizen changed = kim.withConsent(Consent.DEFAULT.withSmsOptOut(true)).withPreferredLanguage(Language.ENGLISH)
        .withIdentity(new CitizenIdentity.ChatHandle("web-77"));
    citizens().save(changed);
    Citizen found = citizens().find(kim.id()).orElseThrow();
    assertTrue(found.consent().smsOptOut());
    assertEquals(Language.ENGLISH, found.preferredLanguage());
    assertEquals(2, found.identities().size());
  }

  @Test
  public void createStoresANewCitizenAsSaveDoesAndNothingWhenAnIdentityIsTaken() {
    Citizen both = kim.withIdentity(new CitizenIdentity.ChatHandle("web-77"));
    citizens().create(both);
    assertEquals(both, citizens().find(kim.id()).orElseThrow());
    assertEquals(both, citizens().findByIdentity(phone).orElseThrow());
    Citizen lee = new Citizen(new CitizenId("lee"), null, Set.of(phone), Language.KOREAN, Consent.DEFAULT);
    assertThrows(RuntimeException.class, () -> citizens().create(lee));
    assertTrue(citizens().find(lee.id()).isEmpty(), "nothing stored");
    assertEquals(kim.id(), citizens().findByIdentity(phone).orElseThrow().id());
  }

  @Test
  public void refusesAnIdentityThatBelongsToSomeoneElse() {
    citizens().save(kim);
    Citizen other = new Citizen(new CitizenId("lee"), null, Set.of(phone), Language.KOREAN, Consent.DEFAULT);
    assertThrows(InvalidInputException.class, () -> citizens().save(other));
  }

  @Test
  public void aMergedCitizenBecomesTheOtherWithEveryIdentity() {
    CitizenIdentity.Email email = new CitizenIdentity.Email("kim@example.org");
    Citizen lee = new Citizen(new CitizenId("lee"), null, Set.of(email), Language.KOREAN, Consent.DEFAULT);
    Citizen park = new Citizen(new CitizenId("park"), null, Set.of(new CitizenIdentity.ChatHandle("web-9")),
        Language.KOREAN, Consent.DEFAULT);
    citizens().save(kim);
    citizens().save(lee);
    citizens().save(park);
    citizens().merge(park.id(), lee.id());
    citizens().merge(lee.id(), kim.id());
    Citizen found = citizens().find(kim.id()).orElseThrow();
    assertEquals(Set.of(phone, email, new CitizenIdentity.ChatHandle("web-9")), found.identities());
    assertEquals(kim.id(), citizens().find(lee.id()).orElseThrow().id(), "the merged id finds the citizen it became");
    assertEquals(kim.id(), citizens().find(park.id()).orElseThrow().id(), "merges chain");
    assertEquals(kim.id(), citizens().findByIdentity(email).orElseThrow().id());
  }
}
