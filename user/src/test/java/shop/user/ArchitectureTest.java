package shop.user;

import org.junit.jupiter.api.Test;
import shop.platform.testing.ArchitectureRules;

class ArchitectureTest {
  @Test
  void theDomainImportsOnlyTheJdk() {
    ArchitectureRules.check(
        "shop.user", "account", "auth", "profile", "address", "payment", "cart");
  }
}
