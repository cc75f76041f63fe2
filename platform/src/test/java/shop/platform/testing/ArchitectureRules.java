package shop.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The house rules of a service module, as ArchUnit checks: the domain packages import only the JDK,
 * each other and the platform's shared kernel ({@code shop.platform.domain}: failures and field
 * checks), never an adapter; Lambda handlers live in {@code api} and reach adapters only through
 * the module; the service's packages form no cycle; nothing is named Impl, Manager, Helper or Util.
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
    String[] allowed = new String[domains.length + 2];
    System.arraycopy(domains, 0, allowed, 0, domains.length);
    allowed[domains.length] = "java..";
    allowed[domains.length + 1] = "shop.platform.domain..";

    classes()
        .that()
        .resideInAnyPackage(domains)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(allowed)
        .as("the domain of " + servicePackage + " depends only on the JDK, itself and the kernel")
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

    classes()
        .that()
        .implement("com.amazonaws.services.lambda.runtime.RequestHandler")
        .or()
        .implement("com.amazonaws.services.lambda.runtime.RequestStreamHandler")
        .should()
        .resideInAPackage(servicePackage + ".api..")
        .as("Lambda handlers live in api")
        .check(classes);

    noClasses()
        .that()
        .resideInAPackage(servicePackage + ".api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(servicePackage + ".adapter..")
        .as("handlers reach adapters only through the module")
        .check(classes);

    slices()
        .matching(servicePackage + ".(*)..")
        .should()
        .beFreeOfCycles()
        .as("the packages of " + servicePackage + " form no cycle")
        .check(classes);
  }
}
