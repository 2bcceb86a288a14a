package org.onenumber.core.analytics;

import org.onenumber.core.error.InvalidInputException;

/**
 * One leaf of the city's category tree: {@code code} (e.g. {@code roads.pothole}) under a category
 * under a service, with Korean and English names and the department that answers it.
 */
public record ComplaintType(String code, String service, String category, String nameKo, String nameEn,
    String department) {

  public ComplaintType {
    InvalidInputException.requireText(code, "code");
    InvalidInputException.requireText(service, "service");
    InvalidInputException.requireText(category, "category");
    InvalidInputException.requireText(nameKo, "nameKo");
    InvalidInputException.requireText(nameEn, "nameEn");
    InvalidInputException.requireText(department, "department");
  }
}
