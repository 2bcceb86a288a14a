package org.onenumber.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;

class CategoryChoiceTest {

  private static final CategoryTree TREE = CategoryTree.read(new StringReader("""
      # demo
      code\tname_ko\tname_en\tdepartment
      roads\t도로\tRoads\t
      roads.surface\t노면\tRoad surface\troads
      roads.surface.pothole\t포트홀\tPothole\troads
      noise\t소음\tNoise\t
      noise.construction\t공사 소음\tConstruction noise\tconstruction
      noise.construction.night\t야간 공사 소음\tConstruction at night\tconstruction
      """));

  /** A hand-written classifier: always guesses the pothole. */
  private static final ComplaintClassifier POTHOLES = (text, limit) -> List.of(new CategoryGuess("roads.surface.pothole", 0.75));

  @Test
  void theOperatorsDispositionWinsWhenItNamesAType() {
    CategoryChoice.Chosen c = new CategoryChoice(TREE, POTHOLES).choose("noise.construction.night", "도로가 파였어요").orElseThrow();
    assertEquals("noise.construction.night", c.type().code());
    assertEquals(CategoryChoice.Source.OPERATOR, c.source());
  }

  @Test
  void otherwiseTheClassifierGuessesFromTheCitizensWords() {
    CategoryChoice.Chosen c = new CategoryChoice(TREE, POTHOLES).choose("not a code", "도로가 파였어요").orElseThrow();
    assertEquals("roads.surface.pothole", c.type().code());
    assertEquals(CategoryChoice.Source.AUTOMATIC, c.source());
    assertEquals(0.75, c.score());
  }

  @Test
  void noWordsAndNoDispositionMeansNoCategory() {
    assertTrue(new CategoryChoice(TREE, POTHOLES).choose(null, " ").isEmpty());
    assertTrue(new CategoryChoice(TREE, (t, l) -> List.of()).choose(null, "hello").isEmpty());
  }

  @Test
  void theTreeRejectsAWrongHeaderAndDuplicateCodes() {
    assertThrows(InvalidInputException.class, () -> CategoryTree.read(new StringReader("a\tb\n")));
    assertThrows(InvalidInputException.class, () -> CategoryTree.read(new StringReader(
        "code\tname_ko\tname_en\tdepartment\nx\tk\te\td\nx\tk\te\td\n")));
    assertThrows(InvalidInputException.class, () -> CategoryTree.read(new StringReader(
        "code\tname_ko\tname_en\tdepartment\nx.y.z\tk\te\td\n")));
    assertEquals(List.of("roads", "noise"), TREE.services().stream().map(CategoryTree.Node::code).toList());
    assertEquals("roads.surface", TREE.find("roads.surface.pothole").orElseThrow().category());
  }
}
