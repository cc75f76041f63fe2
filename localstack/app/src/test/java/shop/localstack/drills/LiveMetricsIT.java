package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;
import shop.localstack.app.ShopContracts;

/**
 * The functions' EMF metrics reach the local CloudWatch, and {@code GET /admin/metrics} reads them
 * back through the SDK as it does in the cloud: requests and a checkout, then the routes and the
 * consumers that served them (checked against the ops API's contract).
 */
@ExtendWith(DrillShop.class)
class LiveMetricsIT {
  @Test
  void showsTheRoutesAndConsumersThatJustWorked(LocalShop shop) throws Exception {
    ShopClient api = new ShopClient(shop);
    Checkouts checkouts = new Checkouts(api, new Sandbox(shop, api), new Stores(shop), "metrics");
    String order = checkouts.place(1, 1).getFirst();
    checkouts.awaitAllPaid(List.of(order), Duration.ofSeconds(60));
    for (int i = 0; i < 5; i++) {
      api.expect(200, api.send("GET", "/products", null, (String) null, java.util.Map.of()));
    }

    HttpResponse<String> response =
        get(shop.apiUrl().resolve("/admin/metrics?minutes=15"), api.adminToken());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode metrics = ShopClient.JSON.readTree(response.body());
    JsonNode products = find(metrics.get("routes"), "route", "GET /products");
    assertThat(products.get("requestsPerSecond").asDouble()).isGreaterThanOrEqualTo(5 / 900.0);
    assertThat(products.get("p99Ms").asDouble()).isPositive();
    assertThat(find(metrics.get("routes"), "route", "POST /orders")).isNotNull();
    JsonNode inventory = find(metrics.get("consumers"), "consumer", "inventory");
    assertThat(inventory.get("failures").asLong()).isNotNegative();
    assertThat(inventory.get("ageP99Ms").asDouble()).isNotNegative();
    assertThat(metrics.get("deadLetters").findValuesAsText("queue")).contains("shop-inventory-dlq");
  }

  @Test
  void aWindowOutOfRangeIsNamed(LocalShop shop) throws Exception {
    ShopClient api = new ShopClient(shop);
    HttpResponse<String> response =
        get(shop.apiUrl().resolve("/admin/metrics?minutes=0"), api.adminToken());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("minutes");
  }

  private static JsonNode find(JsonNode items, String field, String value) {
    for (JsonNode item : items) {
      if (item.path(field).asText().equals(value)) {
        return item;
      }
    }
    throw new AssertionError("no " + field + " " + value + " in " + items);
  }

  private static HttpResponse<String> get(URI uri, String token) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build();
    try (HttpClient http = HttpClient.newHttpClient()) {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      ShopContracts.check(request, null, response);
      return response;
    }
  }
}
