package org.onenumber.channels.open311;

import java.util.List;
import java.util.Optional;
import org.onenumber.core.directory.DepartmentId;

/** A one-service catalogue for the tests: potholes, with a required size and the standard questions. */
final class Catalogue {

  static final GeoReportService POTHOLE = new GeoReportService("roads-01", "포트홀", "Potholes in the road",
      "포트홀, pothole", "Road Management Division", new DepartmentId("roads"), "포트홀",
      List.of(StandardAttributes.all().get(0), StandardAttributes.all().get(1),
          new ServiceAttribute("size", true, "singlevaluelist", true, null, 3, "How big is it?", List.of(
              new ServiceAttribute.Choice("small", "Smaller than a hand"),
              new ServiceAttribute.Choice("large", "Larger than a hand"))),
          new ServiceAttribute("depth_cm", true, "number", false, null, 4, "How deep, in cm?", List.of()),
          new ServiceAttribute("hazards", true, "multivaluelist", false, null, 5, "What else?", List.of(
              new ServiceAttribute.Choice("water", "Water"), new ServiceAttribute.Choice("glass", "Glass")))));

  private Catalogue() {}

  static Optional<GeoReportService> find(String code) {
    return code.equals(POTHOLE.code()) ? Optional.of(POTHOLE) : Optional.empty();
  }
}
