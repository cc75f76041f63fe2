package shop.product;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import shop.platform.config.AwsClients;
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
  void primingRunsTheInventoryConsumersReadsAndPutEventsWithoutWritingOrPublishing() {
    long primed = AwsClients.primedRequests();

    Priming.primeAll();

    assertThat(AwsClients.primedRequests() - primed).as("PutEvents, refused unsent").isPositive();
    assertThat(stack.bus.accepted()).as("events on the bus").isEmpty();
    try (MongoClient client = MongoClients.create(stack.config.require("MONGODB_URI"))) {
      MongoDatabase database = client.getDatabase(stack.config.require("MONGODB_DATABASE"));
      assertThat(count(database, "reservations")).as("reservations").isZero();
      assertThat(count(database, "outbox")).as("outbox entries").isZero();
      assertThat(count(database, "products")).as("products").isZero();
    }
  }

  private static long count(MongoDatabase database, String collection) {
    return Mono.from(database.getCollection(collection).countDocuments()).block();
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
