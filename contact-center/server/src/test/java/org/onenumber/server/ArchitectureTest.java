package org.onenumber.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The house plan's dependency rules, checked on the compiled main classes of every module (the
 * server's test classpath holds them all). Maven Enforcer checks the same at the POM level.
 */
class ArchitectureTest {

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.onenumber");

  private static final List<String> ADAPTERS = List.of("telephony", "channels", "knowledge", "ops");

  @Test
  void coreDependsOnNothingButTheJdk() {
    classes().that().resideInAPackage("org.onenumber.core..")
        .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.onenumber.core..")
        .because("contact-center/core is plain Java (docs/architecture.md)")
        .check(MAIN);
  }

  @Test
  void adaptersNeverDependOnEachOtherOrOnTheServer() {
    for (String adapter : ADAPTERS) {
      String[] others = ADAPTERS.stream().filter(a -> !a.equals(adapter))
          .map(a -> "org.onenumber." + a + "..").toArray(String[]::new);
      noClasses().that().resideInAPackage("org.onenumber." + adapter + "..")
          .should().dependOnClassesThat().resideInAnyPackage(others)
          .orShould().dependOnClassesThat().resideInAPackage("org.onenumber.server..")
          .allowEmptyShould(true)
          .because("adapters plug into core; only the server wires them together")
          .check(MAIN);
    }
  }

  @Test
  void vertxAppearsOnlyInTheServer() {
    noClasses().that().resideOutsideOfPackage("org.onenumber.server..")
        .should().dependOnClassesThat().resideInAPackage("io.vertx..")
        .because("the event bus implements core's port inside the server")
        .check(MAIN);
  }
}
