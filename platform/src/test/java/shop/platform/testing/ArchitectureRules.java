package shop.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house rules of a service module, as ArchUnit checks: the domain packages import only the JDK
 * and each other (no AWS SDK, no Jackson, no driver, no platform), handlers live in {@code api},
 * and nothing is named Impl, Manager, Helper or Util.
 */
public final class ArchitectureRules {
  private ArchitectureRules() {}

  /**
   * Checks {@code servicePackage} (e.g. {@code shop.product}) whose business packages are {@code
   * domainPackages} (e.g. {@code catalog}, {@code inventory}).
   */
  public static void check(String servicePackage, String... domainPackages) {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(servicePackage);
    String[] domains = new String[domainPackages.length];
    for (int i = 0; i < domainPackages.length; i++) {
      domains[i] = servicePackage + "." + domainPackages[i] + "..";
    }
    String[] allowed = new String[domains.length + 1];
    System.arraycopy(domains, 0, allowed, 0, domains.length);
    allowed[domains.length] = "java..";

    classes()
        .that()
        .resideInAnyPackage(domains)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(allowed)
        .as("the domain of " + servicePackage + " depends only on the JDK and itself")
        .check(classes);

    noClasses()
        .should()
        .haveSimpleNameEndingWith("Impl")
        .orShould()
        .haveSimpleNameEndingWith("Manager")
        .orShould()
        .haveSimpleNameEndingWith("Helper")
        .orShould()
        .haveSimpleNameEndingWith("Util")
        .orShould()
        .haveSimpleNameEndingWith("Utils")
        .as("names say what things are")
        .check(classes);

    noClasses()
        .that()
        .resideInAnyPackage(domains)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(servicePackage + ".adapter..")
        .orShould()
        .dependOnClassesThat()
        .resideInAPackage(servicePackage + ".api..")
        .as("the domain does not know its adapters")
        .check(classes);
  }
}
