package shop.transaction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static shop.transaction.TransactionServers.json;
import static shop.transaction.TransactionServers.mugAndTee;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.platform.config.Config;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.TestTokens;
import shop.transaction.api.MigrateHandler;
import shop.transaction.api.OutboxSweepHandler;

/** Checkout through the HTTP handler against PostgreSQL, a stubbed product and a fake bus. */
class CheckoutIT {
  private static TransactionServers servers;

  private final String user = "user-" + UUID.randomUUID();
  private final String token =
      TestTokens.sign(
          TestTokens.claims(user)
              .withClaim("phone", "+447700900123")
              .withClaim("stripeCustomerId", "cus_ada"));

  @BeforeAll
  static void start() {
    servers = TransactionServers.start();
  }

  @AfterAll
  static void stop() throws Exception {
    servers.close();
  }

  @AfterEach
  void restoreStubs() {
    servers.bus.recover();
    servers.stubCatalog();
  }

  @Test
  void placesAPendingOrderAtServerPricesAndPublishesOrderCreated() {
    var response = servers.checkout(token, "k-1", mugAndTee("pm_card_visa"));

    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
    var body = json(response.getBody());
    String orderId = body.path("id").asText();
    assertThat(body.path("status").asText()).isEqualTo("PENDING");
    assertThat(body.path("total").asLong()).isEqualTo(4900);
    assertThat(body.path("currency").asText()).isEqualTo("EUR");
    assertThat(body.path("lines")).hasSize(2);
    assertThat(body.path("createdAt").asText()).isNotBlank();
    assertThat(response.getHeaders()).containsEntry("Location", "/orders/" + orderId);
    // Relayed on the fast path, right after the commit.
    assertThat(servers.publishedFor(orderId)).containsExactly("OrderCreated");
    var created =
        servers.bus.accepted().stream()
            .filter(a -> json(a.detail()).path("subject").asText().equals(orderId))
            .findFirst()
            .orElseThrow();
    var data = json(created.detail()).path("data");
    assertThat(data.path("customer").path("email").asText()).isEqualTo(user + "@example.com");
    assertThat(data.path("customer").path("phone").asText()).isEqualTo("+447700900123");
    assertThat(data.path("stripeCustomerId").asText()).isEqualTo("cus_ada");
    assertThat(data.path("paymentMethodId").asText()).isEqualTo("pm_card_visa");
    assertThat(json(created.detail()).path("aggregateversion").asInt()).isEqualTo(1);
  }

  @Test
  void fiftyConcurrentIdenticalRequestsMakeOneOrderAndFiftyIdenticalAnswers() throws Exception {
    int requests = 50;
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      futures.add(
          pool.submit(
              () -> {
                go.await();
                return servers.checkout(token, "same-key", mugAndTee("pm_card_visa"));
              }));
    }
    go.countDown();
    List<String> bodies = new ArrayList<>();
    for (var future : futures) {
      var response = future.get();
      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
      bodies.add(response.getBody());
    }
    pool.shutdown();

    assertThat(bodies).hasSize(requests).containsOnly(bodies.get(0));
    assertThat(servers.count("SELECT count(*) FROM orders WHERE user_id = '" + user + "'"))
        .isEqualTo(1);
    String orderId = json(bodies.get(0)).path("id").asText();
    assertThat(
            servers.count(
                "SELECT count(*) FROM event_outbox WHERE subject = '"
                    + orderId
                    + "' AND event_type = 'shop.order.created.v1'"))
        .isEqualTo(1);
  }

  @Test
  void tenConcurrentCheckoutsOfOneCustomerLeaveAtMostThreeUnpaidOrders() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(10);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<APIGatewayV2HTTPResponse>> futures = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String key = "burst-" + i;
      futures.add(
          pool.submit(
              () -> {
                go.await();
                return servers.checkout(token, key, mugAndTee("pm_card_visa"));
              }));
    }
    go.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (var future : futures) {
      var response = future.get();
      statuses.add(response.getStatusCode());
      if (response.getStatusCode() == 429) {
        assertThat(json(response.getBody()).path("type").asText()).isNotBlank();
        assertThat(Long.parseLong(response.getHeaders().get("Retry-After")))
            .isBetween(1L, 30L * 60);
      }
    }
    pool.shutdown();

    assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
    assertThat(statuses).filteredOn(s -> s == 429).hasSize(7);
    assertThat(servers.count("SELECT count(*) FROM orders WHERE user_id = '" + user + "'"))
        .isEqualTo(3);
  }

  @Test
  void theSameKeyWithAnotherBodyIs422() {
    assertThat(servers.checkout(token, "k-2", mugAndTee("pm_card_visa")).getStatusCode())
        .isEqualTo(201);

    var response = servers.checkout(token, "k-2", mugAndTee("pm_other"));

    assertThat(response.getStatusCode()).isEqualTo(422);
  }

  @Test
  void rejectsOrderWhenPriceChangedBetweenQuoteAndCheckout() {
    servers.stubQuotes(1300);
    Map<String, Object> body = new HashMap<>(mugAndTee("pm_card_visa"));
    body.put("expectedTotal", 4900);

    var response = servers.checkout(token, "k-3", body);

    assertThat(response.getStatusCode()).isEqualTo(409);
    var problem = json(response.getBody());
    assertThat(problem.path("errors").get(0).path("field").asText()).isEqualTo("expectedTotal");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .isEqualTo("the total is now 5000 EUR");
    assertNothingWrittenFor(user);
  }

  @Test
  void productDownIs503AndWritesNothing() {
    servers.wiremock.stubFor(
        post(urlEqualTo("/internal/price-quotes"))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    var response = servers.checkout(token, "k-4", mugAndTee("pm_card_visa"));

    assertThat(response.getStatusCode()).isEqualTo(503);
    assertThat(response.getHeaders()).containsKey("Content-Type");
    assertNothingWrittenFor(user);
  }

  @Test
  void unavailableAndUnknownItemsAre409NamingThem() {
    Map<String, Object> body = new HashMap<>(mugAndTee("pm_card_visa"));
    body.put(
        "items",
        List.of(
            Map.of("productId", "p-mug", "quantity", 11),
            Map.of("productId", "p-cap", "quantity", 1),
            Map.of("productId", "p-nope", "quantity", 1)));

    var response = servers.checkout(token, "k-5", body);

    assertThat(response.getStatusCode()).isEqualTo(409);
    assertThat(json(response.getBody()).findValuesAsText("field"))
        .containsExactly("items[0]", "items[1]", "items[2]");
    assertThat(json(response.getBody()).findValuesAsText("message").get(0))
        .isEqualTo("p-mug is short of stock for the quantity asked");
    assertThat(json(response.getBody()).findValuesAsText("message"))
        .as("the stock count stays private")
        .noneMatch(message -> message.matches(".*\\d.*"));
    assertNothingWrittenFor(user);
  }

  @Test
  void badInputIsAProblemNamingTheFieldAndWritesNothing() {
    Map<String, Object> body = new HashMap<>(mugAndTee("pm_card_visa"));
    body.put("items", List.of(Map.of("productId", "p-mug", "quantity", 1001)));

    var response = servers.checkout(token, "k-6", body);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response.getBody()).findValuesAsText("field")).contains("items[0].quantity");
    assertNothingWrittenFor(user);
  }

  @Test
  void listsOwnOrdersNewestFirstInKeysetPages() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ids.add(
          json(servers.checkout(token, "page-" + i, mugAndTee("pm_card_visa")).getBody())
              .path("id")
              .asText());
    }
    var first =
        json(
            servers
                .call(ApiEvents.request("GET /orders").query("limit", "2").bearer(token))
                .getBody());
    var second =
        json(
            servers
                .call(
                    ApiEvents.request("GET /orders")
                        .query("limit", "2")
                        .query("cursor", first.path("nextCursor").asText())
                        .bearer(token))
                .getBody());

    assertThat(first.path("items").findValuesAsText("id")).containsExactly(ids.get(2), ids.get(1));
    assertThat(second.path("items").findValuesAsText("id")).containsExactly(ids.get(0));
    assertThat(second.has("nextCursor")).isFalse();
  }

  @Test
  void anotherCustomersOrderIsNotFoundButAnAdminSeesIt() {
    String orderId =
        json(servers.checkout(token, "k-7", mugAndTee("pm_card_visa")).getBody())
            .path("id")
            .asText();

    var stranger =
        servers.call(
            ApiEvents.request("GET /orders/{id}")
                .path("id", orderId)
                .bearer(TestTokens.customer("someone-else")));
    var admin =
        servers.call(
            ApiEvents.request("GET /orders/{id}")
                .path("id", orderId)
                .bearer(TestTokens.admin("an-admin")));

    var catalogStaff =
        servers.call(
            ApiEvents.request("GET /orders/{id}")
                .path("id", orderId)
                .bearer(TestTokens.staff("catalog-staff", "catalog")));
    var passwordOnly =
        servers.call(
            ApiEvents.request("GET /orders/{id}")
                .path("id", orderId)
                .bearer(TestTokens.adminWithoutSecondFactor("an-admin")));

    assertThat(stranger.getStatusCode()).isEqualTo(404);
    assertThat(catalogStaff.getStatusCode()).isEqualTo(404);
    assertThat(passwordOnly.getStatusCode()).isEqualTo(404);
    assertThat(admin.getStatusCode()).isEqualTo(200);
    assertThat(json(admin.getBody()).path("history").findValuesAsText("event"))
        .containsExactly("OrderCreated");
  }

  @Test
  void eventsTheBusRefusedAreSentByTheSweep() {
    servers.bus.failRequests(500);
    String orderId =
        json(servers.checkout(token, "k-8", mugAndTee("pm_card_visa")).getBody())
            .path("id")
            .asText();
    assertThat(servers.publishedFor(orderId)).isEmpty();

    servers.bus.recover();
    OutboxSweepHandler sweep = new OutboxSweepHandler(servers.module);

    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(
            () -> {
              sweep.run();
              assertThat(servers.publishedFor(orderId)).containsExactly("OrderCreated");
            });
  }

  @Test
  void theMigrateEntryPointIsIdempotent() {
    assertThat(new MigrateHandler(new Config(servers.config)).run()).isZero();
  }

  private static void assertNothingWrittenFor(String user) {
    assertThat(servers.count("SELECT count(*) FROM orders WHERE user_id = '" + user + "'"))
        .isZero();
    assertThat(
            servers.count("SELECT count(*) FROM checkout_requests WHERE user_id = '" + user + "'"))
        .isZero();
  }
}
