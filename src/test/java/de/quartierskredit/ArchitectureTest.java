package de.quartierskredit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Business rules stay plain Java: a policy can be read, tested and reused without Spring or Camunda. */
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
      .that().resideInAPackage("de.quartierskredit.shared..")
      .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.camunda..");
}
