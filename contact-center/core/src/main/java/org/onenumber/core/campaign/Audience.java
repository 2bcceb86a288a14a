package org.onenumber.core.campaign;

import org.onenumber.core.error.InvalidInputException;

/** Who a campaign reaches. */
public sealed interface Audience {

  /** The audience's kind and value, as stored and as given to the API. */
  String kind();

  String value();

  /** Enrolled seniors of a district who consented to texts. */
  record SeniorsOfDistrict(String value) implements Audience {
    public SeniorsOfDistrict {
      InvalidInputException.requireText(value, "district");
    }

    @Override
    public String kind() {
      return "seniors-of-district";
    }
  }

  /** Citizens with a case of this category that has not ended. */
  record OpenCasesInCategory(String value) implements Audience {
    public OpenCasesInCategory {
      InvalidInputException.requireText(value, "category");
    }

    @Override
    public String kind() {
      return "open-cases-in-category";
    }
  }

  static Audience of(String kind, String value) {
    return switch (InvalidInputException.requireText(kind, "audience")) {
      case "seniors-of-district" -> new SeniorsOfDistrict(value);
      case "open-cases-in-category" -> new OpenCasesInCategory(value);
      default -> throw new InvalidInputException("audience is seniors-of-district or open-cases-in-category");
    };
  }
}
