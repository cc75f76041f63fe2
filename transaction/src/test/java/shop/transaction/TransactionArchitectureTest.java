package shop.transaction;

import org.junit.jupiter.api.Test;
import shop.platform.testing.ArchitectureRules;

class TransactionArchitectureTest {
  @Test
  void theDomainImportsOnlyTheJdk() {
    ArchitectureRules.check("shop.transaction", "order", "payment");
  }
}
