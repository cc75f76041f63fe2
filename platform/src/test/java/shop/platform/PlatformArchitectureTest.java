package shop.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PlatformArchitectureTest {
  @Test
  void theSharedKernelImportsOnlyTheJdk() {
    classes()
        .that()
        .resideInAPackage("shop.platform.domain..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "shop.platform.domain..")
        .as("every service's domain may use the kernel, so it imports nothing but the JDK")
        .check(
            new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("shop.platform"));
  }
}
