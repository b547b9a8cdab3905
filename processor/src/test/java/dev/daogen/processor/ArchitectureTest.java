package dev.daogen.processor;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The processor's layering, checked on its production classes: no package depends on itself through others
 * ({@code DaogenProcessor}, in the root package, wires them all).
 */
@AnalyzeClasses(packages = "dev.daogen.processor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule packagesAreFreeOfCycles =
      slices().matching("dev.daogen.processor.(**)").should().beFreeOfCycles();
}
