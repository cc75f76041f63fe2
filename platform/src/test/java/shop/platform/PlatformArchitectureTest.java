package shop.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PlatformArchitectureTest {
  @Test
  void platformKnowsNoService() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("shop.platform");

    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "shop.product..",
            "shop.user..",
            "shop.transaction..",
            "shop.notification..",
            "shop.ops..")
        .check(classes);
  }
}
