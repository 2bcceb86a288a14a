package org.onenumber.channels.open311;

import java.util.List;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.InvalidInputException;

/**
 * One service type a client may file: in OneNumber, a category of a department (the case goes to
 * {@code department} with {@code category}).
 *
 * @param group the department's name, the specification's grouping of services
 * @param attributes the service definition's questions; {@code metadata} is true when not empty
 */
public record GeoReportService(String code, String name, String description, String keywords, String group,
    DepartmentId department, String category, List<ServiceAttribute> attributes) {

  public GeoReportService {
    InvalidInputException.requireText(code, "service_code");
    InvalidInputException.requireText(name, "service_name");
    InvalidInputException.require(department, "department");
    InvalidInputException.requireText(category, "category");
    attributes = List.copyOf(attributes == null ? List.of() : attributes);
  }

  /** The specification's {@code metadata}: a client must read the service definition first. */
  public boolean metadata() {
    return !attributes.isEmpty();
  }

  /** The attribute with {@code code}, or null. */
  public ServiceAttribute attribute(String code) {
    return attributes.stream().filter(a -> a.code().equals(code)).findFirst().orElse(null);
  }
}
