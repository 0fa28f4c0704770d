package de.quartierskredit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layers of STYLE.md: business rules stay plain Java, {@code shared} is the bottom every feature
 * may use, and no two packages depend on each other in a circle.
 */
@AnalyzeClasses(packages = "de.quartierskredit", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule policiesAreFrameworkFree = noClasses()
      .that().haveSimpleNameEndingWith("Policy")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..")
      .allowEmptyShould(true)
      .because("DOMAIN.md rules live in framework-free policies (STYLE.md)");

  @ArchTest
  static final ArchRule sharedKernelIsFrameworkFree = noClasses()
      .that().resideInAPackage("de.quartierskredit.shared")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..");

  @ArchTest
  static final ArchRule sharedKnowsNoFeature = noClasses()
      .that().resideInAPackage("de.quartierskredit.shared..")
      .should().dependOnClassesThat().resideOutsideOfPackages("de.quartierskredit.shared..", "java..",
          "org.camunda.bpm.engine..", "org.slf4j..")
      .because("shared (field errors, roles, money) and shared.engine (form values, the acting user) serve "
          + "every feature and know none");

  @ArchTest
  static final ArchRule noPackageCycles = slices().matching("de.quartierskredit.(**)")
      .should().beFreeOfCycles();
}
