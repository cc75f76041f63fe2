package shop.bench;

import shop.localstack.CloudPorts;
import shop.localstack.app.LocalShop;

/**
 * Starts the local shop for a benchmark on ephemeral ports, up to three times: on a saturated
 * machine its start-up (seeding the admin, a blocking read with a 10 s limit) can time out, and a
 * benchmark should not be lost to that.
 */
final class LocalShops {
  private static final int ATTEMPTS = 3;

  private LocalShops() {}

  static LocalShop start() {
    for (int attempt = 1; ; attempt++) {
      try {
        return LocalShop.start(CloudPorts.ephemeral(), 0);
      } catch (RuntimeException e) {
        if (attempt == ATTEMPTS) {
          throw e;
        }
        System.out.printf("the local shop did not start (%s); trying again%n", e.getMessage());
      }
    }
  }
}
