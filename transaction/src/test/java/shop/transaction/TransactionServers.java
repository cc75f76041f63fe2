package shop.transaction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import shop.events.EventEnvelope;
import shop.events.InventoryRejected;
import shop.platform.http.HttpJson;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.ContractCheck;
import shop.platform.testing.EmbeddedDatabase;
import shop.platform.testing.EventFixtures;
import shop.platform.testing.FakeEventBridge;
import shop.transaction.adapter.HttpPriceQuotes;
import shop.transaction.api.OrdersApi;
import shop.transaction.api.PaymentEventsHandler;
import shop.transaction.order.ItemRequest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Everything the transaction service talks to, started once per IT class: embedded PostgreSQL
 * (migrated), WireMock as product's price-quote endpoint and as Stripe, and a fake EventBridge; and
 * the service's handlers wired to them.
 */
public final class TransactionServers implements AutoCloseable {
  public static final String WEBHOOK_SECRET = "whsec_test_secret";

  public final EmbeddedDatabase database;
  public final WireMockServer wiremock;
  public final FakeEventBridge bus;
  public final Map<String, String> config;
  public final TransactionModule module;
  public final OrdersApi api;
  public final PaymentEventsHandler payments;

  private TransactionServers() {
    database = EmbeddedDatabase.start("classpath:db/transaction", "classpath:db/platform");
    wiremock = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    wiremock.start();
    bus = FakeEventBridge.start();
    int port = database.query("SELECT inet_server_port()", rs -> rs.next() ? rs.getInt(1) : 0);
    config = TestModules.baseConfig();
    config.put("DATABASE_URL", "jdbc:postgresql://localhost:" + port + "/postgres");
    config.remove("DATABASE_PASSWORD");
    config.put("DATABASE_POOL_SIZE", "10");
    config.put("PRODUCT_API_URL", wiremock.baseUrl());
    config.put("STRIPE_API_BASE", wiremock.baseUrl());
    config.put("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
    config.put("AWS_ENDPOINT_URL_EVENTBRIDGE", bus.endpoint().toString());
    config.put("OUTBOX_BASE_DELAY", "PT0.1S");
    config.put("OUTBOX_MAX_DELAY", "PT0.5S");
    module = TestModules.create(config);
    api = new OrdersApi(module);
    payments = new PaymentEventsHandler(module);
    stubCatalog();
    stubStripe();
    warmUp();
  }

  /**
   * Loads the HTTP client, the signer and the stub server before the tests: in a fresh JVM on a
   * busy machine the first price check could take longer than its two seconds.
   */
  private void warmUp() {
    var quotes =
        new HttpPriceQuotes(
            wiremock.baseUrl(),
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWARM", "warm")),
            "eu-west-1");
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> !quotes.quote(List.of(new ItemRequest("p-mug", 1))).isEmpty());
  }

  public static TransactionServers start() {
    return new TransactionServers();
  }

  /** Product knows a mug (12.50), a tee (24.00), an archived cap; stock 10 each. */
  public void stubCatalog() {
    stubQuotes(1250);
  }

  /** As {@link #stubCatalog()} with the mug at {@code mugPrice}. */
  public void stubQuotes(long mugPrice) {
    wiremock.stubFor(
        post(urlEqualTo("/internal/price-quotes"))
            .willReturn(
                okJson(
                    """
                    {"quotes":[
                     {"productId":"p-mug","quantity":2,"status":"OK","sku":"MUG-001","name":"Enamel mug",
                      "unitPrice":%d,"currency":"EUR","availableStock":10,"available":true},
                     {"productId":"p-tee","quantity":1,"status":"OK","sku":"TEE-042","name":"Organic tee",
                      "unitPrice":2400,"currency":"EUR","availableStock":10,"available":true},
                     {"productId":"p-cap","quantity":1,"status":"ARCHIVED","available":false}
                    ]}
                    """
                        .formatted(mugPrice))));
  }

  /** Stripe: pm_card_visa succeeds, pm_card_chargeDeclined is declined, refunds succeed. */
  public void stubStripe() {
    wiremock.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .atPriority(5)
            .willReturn(
                okJson(
                    """
                    {"id":"pi_ok","object":"payment_intent","status":"succeeded","amount":4900,
                     "currency":"eur","metadata":{}}
                    """)));
    wiremock.stubFor(
        post(urlEqualTo("/v1/payment_intents"))
            .atPriority(1)
            .withRequestBody(containing("payment_method=pm_card_chargeDeclined"))
            .willReturn(
                aResponse()
                    .withStatus(402)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"error":{"type":"card_error","code":"card_declined",
                         "decline_code":"generic_decline","message":"Your card was declined.",
                         "payment_intent":{"id":"pi_declined","object":"payment_intent",
                          "status":"requires_payment_method"}}}
                        """)));
    wiremock.stubFor(
        post(urlEqualTo("/v1/refunds"))
            .willReturn(
                okJson(
                    """
                    {"id":"re_1","object":"refund","amount":4900,"currency":"eur",
                     "status":"succeeded","payment_intent":"pi_ok"}
                    """)));
  }

  /** A checkout body for 2 mugs and 1 tee (49.00 EUR). */
  public static Map<String, Object> mugAndTee(String paymentMethod) {
    return Map.of(
        "items",
        List.of(
            Map.of("productId", "p-mug", "quantity", 2),
            Map.of("productId", "p-tee", "quantity", 1)),
        "paymentMethodId",
        paymentMethod,
        "shippingAddress",
        Map.of(
            "name", "Ada Lovelace",
            "line1", "1 Analytical St",
            "city", "London",
            "postalCode", "N1 9GU",
            "country", "GB"));
  }

  public APIGatewayV2HTTPResponse call(ApiEvents request) {
    return ContractCheck.of("openapi.yaml").around(api).handleRequest(request.build(), null);
  }

  public APIGatewayV2HTTPResponse checkout(String token, String key, Object body) {
    return call(
        ApiEvents.request("POST /orders").bearer(token).header("Idempotency-Key", key).json(body));
  }

  /** Delivers the SQS message of events/eventbridge-inventory-reserved.json for the order. */
  public SQSBatchResponse inventoryReserved(String eventId, String orderId) {
    String body = fixture("events/eventbridge-inventory-reserved.json", eventId, orderId);
    return payments.handleRequest(
        EventFixtures.batch(EventFixtures.message(UUID.randomUUID().toString(), body)), null);
  }

  /** A JSON fixture with its {@code ${eventId}} and {@code ${orderId}} filled in. */
  public static String fixture(String resource, String eventId, String orderId) {
    return EventFixtures.resource(resource)
        .replace("${eventId}", eventId)
        .replace("${orderId}", orderId);
  }

  public SQSBatchResponse inventoryRejected(String eventId, String orderId) {
    var data =
        new InventoryRejected(
            orderId,
            List.of(new InventoryRejected.Rejection("p-mug", 2, 0, "OUT_OF_STOCK")),
            Instant.now());
    return deliver(
        new EventEnvelope<>(
            eventId, shop.events.EventType.INVENTORY_REJECTED, orderId, 2, Instant.now(), data));
  }

  private SQSBatchResponse deliver(EventEnvelope<?> event) {
    var message =
        EventFixtures.message(UUID.randomUUID().toString(), EventFixtures.eventBridgeBody(event));
    return payments.handleRequest(EventFixtures.batch(message), null);
  }

  /** A Stripe-Signature header for {@code payload}, as Stripe signs it. */
  public static String stripeSignature(String payload, String secret) {
    long t = Instant.now().getEpochSecond();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String v1 =
          HexFormat.of()
              .formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
      return "t=" + t + ",v1=" + v1;
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonNode json(String body) {
    try {
      return HttpJson.mapper().readTree(body);
    } catch (IOException e) {
      throw new IllegalArgumentException(body, e);
    }
  }

  /** The detail-types the bus accepted for {@code orderId}, in order. */
  public List<String> publishedFor(String orderId) {
    return bus.accepted().stream()
        .filter(a -> json(a.detail()).path("subject").asText().equals(orderId))
        .map(FakeEventBridge.Accepted::detailType)
        .toList();
  }

  public long count(String sql) {
    return database.count(sql);
  }

  @Override
  public void close() throws IOException {
    wiremock.stop();
    bus.close();
    database.close();
  }
}
