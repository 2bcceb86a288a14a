package org.onenumber.channels.open311;

import java.util.List;

/**
 * The questions every OneNumber service asks, as its service definition: the language the citizen
 * wants replies in (the six the contact center answers in; Korean when not given) and a detail of
 * the place a map point cannot carry (a floor, an entrance, a lamp-post number).
 */
public final class StandardAttributes {

  /** The code of the reply-language attribute. */
  public static final String LANGUAGE = "language";
  /** The code of the place-detail attribute. */
  public static final String PLACE_DETAIL = "place_detail";

  private static final List<ServiceAttribute> ALL = List.of(
      new ServiceAttribute(LANGUAGE, true, "singlevaluelist", false, "one of the listed languages", 1,
          "In which language should the city answer you?", List.of(
              new ServiceAttribute.Choice("ko", "한국어"),
              new ServiceAttribute.Choice("en", "English"),
              new ServiceAttribute.Choice("zh", "中文"),
              new ServiceAttribute.Choice("ja", "日本語"),
              new ServiceAttribute.Choice("vi", "Tiếng Việt"),
              new ServiceAttribute.Choice("mn", "Монгол"))),
      new ServiceAttribute(PLACE_DETAIL, true, "string", false, "up to 200 characters", 2,
          "Anything that helps find the place: floor, entrance, lamp-post or pole number", List.of()));

  private StandardAttributes() {}

  public static List<ServiceAttribute> all() {
    return ALL;
  }
}
