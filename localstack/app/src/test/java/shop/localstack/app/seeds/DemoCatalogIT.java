package shop.localstack.app.seeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.http.HttpJson;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.FakeEventBridge;
import shop.platform.testing.TestTokens;
import shop.product.ProductModule;
import shop.product.api.EnsureIndexesHandler;
import shop.product.api.ProductApi;

/** The demo catalogue on the product service over the Mongo-wire server, found through its API. */
class DemoCatalogIT {
  private static MongoServer mongo;
  private static FakeEventBridge bus;
  private static ProductModule module;

  @BeforeAll
  static void start() {
    mongo = new MongoServer(new MemoryBackend());
    bus = FakeEventBridge.start();
    Config config =
        new Config(
            Map.of(
                "MONGODB_URI", mongo.bindAndGetConnectionString(),
                "MONGODB_DATABASE", "product",
                "PRODUCT_IMAGES_BUCKET", "product-images",
                "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "test-access",
                "AWS_SECRET_ACCESS_KEY", "test-secret",
                // Nothing else of AWS is called: anything that tries fails at once.
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9",
                "AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString()));
    new EnsureIndexesHandler(config).run();
    module = new ProductModule(config, TestTokens.verifier(), failure -> {}, Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    module.close();
    bus.close();
    mongo.shutdownNow();
  }

  @Test
  void seedsTheDemoCatalogueOnce() throws Exception {
    int first = DemoCatalog.seed(module);
    int again = DemoCatalog.seed(module);

    assertThat(first).isEqualTo(5);
    assertThat(again).isZero();
    assertThat(search("stoneware")).hasSize(1);
  }

  private static List<JsonNode> search(String query) throws Exception {
    var response =
        new ProductApi(module)
            .handleRequest(
                ApiEvents.request("GET /products").query("limit", "100").query("q", query).build(),
                null);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    List<JsonNode> items = new ArrayList<>();
    HttpJson.mapper().readTree(response.getBody()).path("items").forEach(items::add);
    return items;
  }
}
