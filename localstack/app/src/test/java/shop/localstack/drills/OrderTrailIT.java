package shop.localstack.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import shop.localstack.app.LocalShop;
import shop.localstack.app.ShopContracts;
import shop.ops.OpsModule;
import shop.ops.cli.OpsCli;
import shop.platform.config.Config;

/**
 * A checkout on the local cloud, then its trail: every event of the order in time order, each
 * consumer's outcome, the payment and the notifications, through {@code ops trail --json} and the
 * ops API (checked against its contract).
 */
@ExtendWith(DrillShop.class)
class OrderTrailIT {
  @Test
  void aPaidOrdersTrailTellsItsWholeStory(LocalShop shop) throws Exception {
    ShopClient api = new ShopClient(shop);
    Checkouts checkouts = new Checkouts(api, new Sandbox(shop, api), new Stores(shop), "trail");
    String order = checkouts.place(1, 1).getFirst();
    checkouts.awaitAllPaid(List.of(order), Duration.ofSeconds(60));
    OpsModule ops = new OpsModule(new Config(shop.cloud().config()));

    // The trail consumer and the notifications run on after PAID: wait for the confirmation.
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> ops(ops, "trail", order, "--json").contains("order-confirmed"));
    JsonNode trail = ShopClient.JSON.readTree(ops(ops, "trail", order, "--json"));

    List<String> events = new ArrayList<>();
    List<java.time.Instant> times = new ArrayList<>();
    for (JsonNode entry : trail) {
      assertThat(entry.has("time") && entry.has("kind") && entry.has("type")).isTrue();
      times.add(java.time.Instant.parse(entry.get("time").asText()));
      if (entry.get("kind").asText().equals("event")) {
        events.add(entry.get("type").asText());
      }
    }
    assertThat(times).isSorted();
    assertThat(events)
        .containsSubsequence(
            "shop.order.created.v1", "shop.inventory.reserved.v1", "shop.payment.captured.v1");
    assertThat(trail.toString())
        .contains(
            "\"kind\":\"payment\",\"type\":\"payment.captured\"",
            "\"consumer\":\"inventory\"",
            "\"consumer\":\"payments\"",
            "EMAIL order-received",
            "EMAIL order-confirmed");

    HttpResponse<String> fromApi =
        get(shop.apiUrl().resolve("/admin/orders/" + order + "/trail"), api.adminToken());
    assertThat(fromApi.statusCode()).isEqualTo(200);
    assertThat(ShopClient.JSON.readTree(fromApi.body()).get("items").size())
        .isGreaterThanOrEqualTo(trail.size());
    HttpResponse<String> unknown =
        get(shop.apiUrl().resolve("/admin/orders/nobody/trail"), api.adminToken());
    assertThat(ShopClient.JSON.readTree(unknown.body()).get("items")).isEmpty();
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

  static String ops(OpsModule module, String... args) {
    StringWriter out = new StringWriter();
    new OpsCli(
            () -> module,
            new PrintWriter(out),
            new BufferedReader(new StringReader("")),
            Clock.systemUTC(),
            "drill")
        .run(args);
    return out.toString();
  }
}
