package org.onenumber.channels.open311;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceRequestSubmissionTest {

  private static final String VALID = "api_key=k&service_code=roads-01&lat=37.5665&long=126.978"
      + "&attribute%5Bsize%5D=large&description=A+deep+hole%0Anear+the+bus+stop";

  private static ServiceRequestSubmission parse(String body) {
    return ServiceRequestSubmission.parse(FormBody.decode(body), Catalogue::find, "seoul.go.kr");
  }

  private static GeoReportError refused(String body) {
    return assertThrows(GeoReportError.class, () -> parse(body));
  }

  @Test
  void readsTheSpecificationsExampleFieldsAndAttributes() {
    ServiceRequestSubmission s = parse(VALID + "&jurisdiction_id=SEOUL.go.kr&email=a%40b.org&first_name=john"
        + "&media_url=https%3A%2F%2Fphotos.example.org%2F1.jpg&attribute[hazards][]=water&attribute[hazards][]=glass"
        + "&attribute[language]=en");
    assertEquals("roads-01", s.service().code());
    assertEquals(37.5665, s.lat());
    assertEquals(126.978, s.lon());
    assertEquals("A deep hole\nnear the bus stop", s.description());
    assertEquals("https://photos.example.org/1.jpg", s.mediaUrl());
    assertEquals(List.of("water", "glass"), s.attributes().get("hazards"));
    assertEquals("en", s.language());
    assertEquals("john", s.firstName());
  }

  @Test
  void anAddressAloneIsALocationAndEmptyParametersCountAsAbsent() {
    ServiceRequestSubmission s = parse("service_code=roads-01&lat=&long=&address_string=Sejong-daero+110"
        + "&attribute[size]=small&media_url=");
    assertNull(s.lat());
    assertNull(s.mediaUrl());
    assertEquals("Sejong-daero 110", s.addressString());
  }

  @Test
  void missingOrUnknownServiceCodeAndOtherJurisdictionsAreRefused() {
    assertEquals(400, refused("lat=1&long=2").status());
    assertEquals(404, refused("service_code=nope&lat=1&long=2").status());
    assertEquals(404, refused(VALID + "&jurisdiction_id=sfgov.org").status());
  }

  @Test
  void aLocationIsRequiredAndCoordinatesMustBePairedAndInRange() {
    assertEquals(400, refused("service_code=roads-01&attribute[size]=small").status());
    assertEquals(400, refused("service_code=roads-01&lat=37&attribute[size]=small").status());
    assertEquals(400, refused("service_code=roads-01&lat=91&long=0&attribute[size]=small").status());
    assertEquals(400, refused("service_code=roads-01&lat=NaN&long=0&attribute[size]=small").status());
  }

  @Test
  void aDescriptionOverTheSpecificationsLimitIs413() {
    String big = "x".repeat(ServiceRequestSubmission.MAX_DESCRIPTION + 1);
    String noDescription = VALID.replaceAll("&description=[^&]*", "");
    assertEquals(413, refused(noDescription + "&description=" + big).status());
    assertEquals(ServiceRequestSubmission.MAX_DESCRIPTION, parse(noDescription + "&description="
        + "y".repeat(ServiceRequestSubmission.MAX_DESCRIPTION)).description().length());
  }

  @Test
  void mediaUrlMustBeAnAbsoluteHttpOrHttpsUrl() {
    for (String bad : List.of("javascript%3Aalert(1)", "file%3A%2F%2F%2Fetc%2Fpasswd", "ftp%3A%2F%2Fx.org%2Fa",
        "%2Frelative.jpg", "http%3A%2F%2Fuser%3Apw%40x.org%2Fa", "http%3A%2F%2F")) {
      GeoReportError e = refused(VALID + "&media_url=" + bad);
      assertEquals(400, e.status(), bad);
      assertFalse(e.getMessage().contains("passwd"), "the description never repeats the input");
    }
  }

  @Test
  void attributesAreCheckedAgainstTheServiceDefinition() {
    assertEquals(400, refused("service_code=roads-01&lat=1&long=2").status(), "required size missing");
    assertEquals(400, refused(VALID.replace("size%5D=large", "size%5D=huge")).status(), "not a listed key");
    assertEquals(400, refused(VALID + "&attribute[color]=red").status(), "not this service's");
    assertEquals(400, refused(VALID + "&attribute[depth_cm]=deep").status(), "not a number");
    assertEquals(400, refused(VALID + "&attribute[size]=small").status(), "two values for a single list");
    assertEquals(Map.of("size", List.of("large"), "depth_cm", List.of("12.5")),
        parse(VALID + "&attribute[depth_cm]=12.5").attributes());
  }

  @Test
  void aMalformedFormBodyIs400() {
    assertEquals(400, assertThrows(GeoReportError.class, () -> FormBody.decode("a=%zz")).status());
  }
}
