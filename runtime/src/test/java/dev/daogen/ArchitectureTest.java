package dev.daogen;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The runtime's layering (docs/architecture.md, "Packages and their dependencies"), checked on the production classes:
 * no package depends on itself through others, and {@code internal} (see its package-info) serves generated code and
 * the runtime packages that need its helpers, never the API a user calls.
 */
@AnalyzeClasses(packages = "dev.daogen", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("dev.daogen.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule internalIsForGeneratedCodeAndTheRuntimeOnly = classes()
      .that().resideInAPackage("dev.daogen.internal..")
      .should().onlyHaveDependentClassesThat().resideInAnyPackage(
          "dev.daogen.internal..",
          "dev.daogen.engine..",
          "dev.daogen.store.*..",
          "dev.daogen.admin..",
          "dev.daogen.migrate..",
          "dev.daogen.cli..")
      .because("dev.daogen.internal is for generated code and the runtime only, not API: the user-facing packages"
          + " (dao, db, events, cache) and the store SPI must not need it");

  @ArchTest
  static final ArchRule internalSitsAtTheBottom = classes()
      .that().resideInAPackage("dev.daogen.internal..")
      .should().onlyDependOnClassesThat(resideOutsideOfPackage("dev.daogen..")
          .or(resideInAnyPackage("dev.daogen.internal..", "dev.daogen.dao..", "dev.daogen.schema..")))
      .because("the helpers of generated code use only the API's errors and the shared schema model (daogen-common),"
          + " so that every runtime package may use them");
}
