package shop.ops;

import org.junit.jupiter.api.Test;
import shop.platform.testing.ArchitectureRules;

class OpsArchitectureTest {
  @Test
  void followsTheHouseRules() {
    ArchitectureRules.check("shop.ops", "archive", "audit", "deadletter", "trail");
  }
}
