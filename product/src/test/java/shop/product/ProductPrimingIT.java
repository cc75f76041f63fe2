package shop.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.snapstart.Priming;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.ContractCheck;
import shop.product.api.ProductApi;

/** SnapStart's priming against the Mongo-wire server: it reads, then leaves no client open. */
class ProductPrimingIT {
  private static TestStack stack;
  private static ProductApi api;

  @BeforeAll
  static void start() {
    stack = TestStack.start();
    api = new ProductApi(stack.module);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void primingReadsTheCatalogueThenClosesTheClientAndTheFirstRequestOpensANewOne() {
    Priming.primeAll();
    assertThat(stack.module.storeOpen()).as("no MongoDB client in the snapshot").isFalse();

    var page =
        ContractCheck.of("openapi.yaml")
            .around(api)
            .handleRequest(ApiEvents.request("GET /products").query("limit", "20").build(), null);

    assertThat(page.getStatusCode()).isEqualTo(200);
    assertThat(stack.module.storeOpen()).isTrue();
  }
}
