package shop.notification;

import org.junit.jupiter.api.Test;
import shop.platform.testing.ArchitectureRules;

class NotificationArchitectureTest {
  @Test
  void domainDependsOnlyOnTheJdk() {
    ArchitectureRules.check("shop.notification", "message", "delivery");
  }
}
