package shop.product;

import org.junit.jupiter.api.Test;
import shop.platform.testing.ArchitectureRules;

class ProductArchitectureTest {
  @Test
  void domainDependsOnlyOnTheJdk() {
    ArchitectureRules.check("shop.product", "catalog", "inventory");
  }
}
