package shop.localstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.model.PaymentIntent;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.events.CloudEventCodec;
import shop.events.EventEnvelope;
import shop.events.OrderCreated;
import shop.events.Subscription;
import shop.events.Topology;
import shop.events.UserRegistered;
import shop.localstack.CloudPorts;
import shop.localstack.app.seeds.DemoAdmin;
import shop.ops.OpsModule;
import shop.ops.cli.OpsCli;
import shop.platform.config.Config;
import shop.platform.config.SecretReferences;
import shop.platform.testing.EventFixtures;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * End to end on the local cloud: a checkout through REST, events and notifications; a consumer that
 * fails until an outage is over lands its message in the DLQ, and the operator's replay sends the
 * email exactly once.
 */
class LocalShopIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalShop shop;
  // The welcome email's subject, which no other email has.
  private static final String WELCOME = "Welcome to the shop";

  @BeforeAll
  static void start() {
    // The shop's topology with short visibility timeouts, so that a failing message reaches its DLQ
    // in seconds.
    Topology fast =
        new Topology(
            Topology.shop().busName(),
            Topology.shop().archiveName(),
            Topology.shop().failuresTable(),
            Topology.shop().idempotencyTable(),
            Topology.shop().subscriptions().stream()
                .map(
                    s ->
                        new Subscription(
                            s.consumer(),
                            s.service(),
                            s.events(),
                            s.handler(),
                            5,
                            s.batchSize(),
                            s.maxConcurrency(),
                            15))
                .toList());
    shop = LocalShop.start(CloudPorts.ephemeral(), 0, fast);
  }

  @AfterAll
  static void stop() {
    shop.close();
  }

  @Test
  void givesEachPostgresServiceAPoolForTheLocalConcurrency() {
    // One module serves every concurrent request here; the services' defaults are for one Lambda.
    assertThat(new Config(shop.environment("user")).getInt("DATABASE_POOL_SIZE", 0))
        .isEqualTo(ServiceEnvironments.DB_POOL_SIZE);
    assertThat(new Config(shop.environment("transaction")).getInt("DATABASE_POOL_SIZE", 0))
        .isEqualTo(ServiceEnvironments.DB_POOL_SIZE);
  }

  /**
   * As in the cloud, each PostgreSQL service's functions log in as its runtime role: rows of its
   * own tables, no schema change, no other service's database.
   */
  @Test
  void theServicesLogInAsRuntimeRolesThatCannotChangeTheSchemaOrReadAnotherService()
      throws Exception {
    Config user = new Config(shop.environment("user"));
    Config transaction = new Config(shop.environment("transaction"));
    assertThat(user.require("DATABASE_USER")).isEqualTo("user_runtime");
    assertThat(transaction.require("DATABASE_USER")).isEqualTo("transaction_runtime");
    try (Connection db = connect(user, user.require("DATABASE_URL"));
        var statement = db.createStatement()) {
      statement.executeQuery("SELECT count(*) FROM event_outbox").close();
      assertThatThrownBy(() -> statement.execute("CREATE TABLE sneaky (id int)"))
          .hasMessageContaining("permission denied");
      assertThatThrownBy(() -> statement.execute("DROP TABLE event_outbox"))
          .hasMessageContaining("must be owner");
    }
    assertThatThrownBy(() -> connect(user, transaction.require("DATABASE_URL")))
        .hasMessageContaining("permission denied for database");
  }

  private static Connection connect(Config login, String url) throws java.sql.SQLException {
    return DriverManager.getConnection(
        url, login.require("DATABASE_USER"), login.optional("DATABASE_PASSWORD").orElse(null));
  }

  @Test
  void providerCredentialsAreReadFromSecretsManagerAsInTheCloud() {
    // The services get references, not values, and resolve them through the SDK like a Lambda.
    Map<String, String> notification = shop.environment("notification");
    assertThat(notification.get("TWILIO_AUTH_TOKEN"))
        .isEqualTo(SecretReferences.reference(LocalSecrets.TWILIO_SECRET_ID, "authToken"));
    assertThat(SecretReferences.resolve(new Config(notification)).require("TWILIO_AUTH_TOKEN"))
        .isEqualTo("local-sandbox");
    // Each Stripe-calling service its own secret and restricted key, as in the cloud.
    Config transaction = SecretReferences.resolve(new Config(shop.environment("transaction")));
    assertThat(shop.environment("transaction").get("STRIPE_API_KEY"))
        .isEqualTo(SecretReferences.reference("shop/stripe/transaction", "apiKey"));
    assertThat(shop.environment("user").get("STRIPE_API_KEY"))
        .isEqualTo(SecretReferences.reference("shop/stripe/user", "apiKey"));
    assertThat(transaction.require("STRIPE_API_KEY")).startsWith("rk_test_");
    assertThat(
            SecretReferences.resolve(new Config(shop.environment("user")))
                .require("STRIPE_API_KEY"))
        .startsWith("rk_test_");
    assertThat(transaction.require("STRIPE_WEBHOOK_SECRET"))
        .startsWith("whsec_")
        .isEqualTo(shop.stripeWebhookSecret());
  }

  @Test
  void theSandboxsStripeWebhooksReachTransactionSignedWithTheSecretItVerifies() throws Exception {
    // The sandbox sends payment_intent.succeeded and charge.refunded to the endpoint the shop
    // registered; transaction answers 200 only to an event signed with its secret.
    URI sandbox = shop.cloud().endpoints().sandboxUrl();
    StripeClient stripe =
        StripeClient.builder().setApiKey("sk_test_local_it").setApiBase(sandbox.toString()).build();
    PaymentIntent paid =
        stripe
            .v1()
            .paymentIntents()
            .create(
                PaymentIntentCreateParams.builder()
                    .setAmount(1200L)
                    .setCurrency("eur")
                    .setPaymentMethod("pm_card_visa")
                    .setConfirm(true)
                    .setOffSession(true)
                    .putMetadata("order_id", "not-an-order-" + Instant.now().toEpochMilli())
                    .build());
    stripe
        .v1()
        .refunds()
        .create(RefundCreateParams.builder().setPaymentIntent(paid.getId()).build());

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(deliveriesAbout(sandbox, paid.getId()))
                    .containsEntry("payment_intent.succeeded", "200")
                    .containsEntry("charge.refunded", "200"));
  }

  @Test
  void localJsonHasTheStripeWebhookSigningSecret() {
    Map<String, Object> local = ShopUp.describe(shop);

    assertThat(local.get("stripe")).isEqualTo(Map.of("webhookSecret", shop.stripeWebhookSecret()));
  }

  @Test
  void theSeededAdminLogsInWithACodeFromTheTotpSecretInLocalJson() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> admin = (Map<String, Object>) ShopUp.describe(shop).get("admin");
    assertThat(admin).containsEntry("totpSecret", DemoAdmin.TOTP_SECRET);
    String password =
        JSON.writeValueAsString(Map.of("email", DemoAdmin.EMAIL, "password", DemoAdmin.PASSWORD));
    String withCode =
        JSON.writeValueAsString(
            Map.of(
                "email", DemoAdmin.EMAIL, "password", DemoAdmin.PASSWORD, "otp", DemoAdmin.otp()));

    HttpResponse<String> passwordOnly =
        send("POST", shop.apiUrl().resolve("/auth/login"), password);
    HttpResponse<String> loggedIn = send("POST", shop.apiUrl().resolve("/auth/login"), withCode);

    assertThat(passwordOnly.statusCode()).isEqualTo(401);
    assertThat(loggedIn.statusCode()).isEqualTo(200);
    String token = JSON.readTree(loggedIn.body()).get("accessToken").asText();
    HttpResponse<String> dlqs =
        HTTP.send(
            HttpRequest.newBuilder(shop.apiUrl().resolve("/admin/dlqs"))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(dlqs.statusCode()).isEqualTo(200);
  }

  /** Each event type about {@code objectId} the sandbox sent to the shop, with the last status. */
  private static Map<String, String> deliveriesAbout(URI sandbox, String objectId)
      throws Exception {
    Map<String, String> statuses = new java.util.HashMap<>();
    JsonNode events =
        JSON.readTree(send("GET", sandbox.resolve("/__admin/stripe/events"), null).body())
            .path("events");
    for (JsonNode entry : events) {
      JsonNode event = entry.path("event");
      if (!event.toString().contains(objectId)) {
        continue;
      }
      for (JsonNode delivery : entry.path("deliveries")) {
        if (delivery.path("url").asText().equals(shop.apiUrl() + "/webhooks/stripe")) {
          statuses.put(event.path("type").asText(), delivery.path("status").asText());
        }
      }
    }
    return statuses;
  }

  @Test
  void aCheckoutGoesThroughEveryService() throws Exception {
    ByteArrayOutputStream trail = new ByteArrayOutputStream();

    ShopDemo.Outcome outcome =
        new ShopDemo(
                shop.apiUrl(),
                shop.cloud().endpoints().sandboxUrl(),
                new PrintStream(trail, true, StandardCharsets.UTF_8))
            .run();

    assertThat(outcome.paidOrderStatus()).isEqualTo("PAID");
    assertThat(outcome.declinedOrderStatus()).isEqualTo("CANCELLED");
    assertThat(outcome.stockAfter()).isEqualTo(outcome.stockBefore() - 2);
    assertThat(outcome.notifications()).isGreaterThanOrEqualTo(4);
    assertThat(trail.toString(StandardCharsets.UTF_8))
        .contains(
            "InventoryReserved",
            "PaymentCaptured",
            "PaymentFailed",
            "OrderCancelled",
            "OrderShipped",
            "OrderDelivered",
            "/v1/payment_intents");
  }

  @Test
  void aMessageFailedDuringAnOutageIsReplayedFromTheDlqExactlyOnce() throws Exception {
    URI sandbox = shop.cloud().endpoints().sandboxUrl();
    String outage = stubEmailOutage(sandbox);
    String email = "outage-" + System.nanoTime() + "@example.com";
    HttpResponse<String> registered =
        send(
            "POST",
            shop.apiUrl().resolve("/auth/register"),
            "{\"email\":\""
                + email
                + "\",\"password\":\"a long enough password\",\"name\":\"Grace\"}");
    assertThat(registered.statusCode()).isEqualTo(201);

    OpsModule ops = new OpsModule(new Config(shop.cloud().config()));
    await()
        .atMost(Duration.ofSeconds(150))
        .untilAsserted(
            () ->
                assertThat(
                        ops(
                            ops,
                            "dlq",
                            "show",
                            "notifications",
                            "--type",
                            "UserRegistered",
                            "--json"))
                    .contains(email));
    // Other tests' notifications in flight when the outage began are dead-lettered too: pick ours.
    JsonNode letter =
        letterAbout(
            ops(ops, "dlq", "show", "notifications", "--type", "UserRegistered", "--json"), email);
    assertThat(letter.get("eventName").asText()).isEqualTo("UserRegistered");
    assertThat(letter.get("failureReason").asText()).isNotBlank();

    send("DELETE", sandbox.resolve("/__admin/mappings/" + outage), null);
    String id = letter.get("eventId").asText();
    assertThat(ops(ops, "dlq", "replay", "notifications", "--id", id, "--dry-run"))
        .contains("1 message(s) would move", "nothing changed");
    // Only the welcome: the mail asking to confirm the address, dead-lettered too, is not replayed.
    int sentBefore = emailsTo(sandbox, email, WELCOME);
    assertThat(ops(ops, "dlq", "replay", "notifications", "--id", id)).contains("replayed 1");

    // Within the replayed message's own retries: a send claim left by the last failed attempt
    // expires meanwhile.
    await()
        .atMost(Duration.ofSeconds(120))
        .untilAsserted(
            () -> assertThat(emailsTo(sandbox, email, WELCOME)).isEqualTo(sentBefore + 1));
    assertThat(ops(ops, "dlq", "replay", "notifications", "--id", id)).contains("replayed 0");
    assertThat(emailsTo(sandbox, email, WELCOME)).isEqualTo(sentBefore + 1);
    assertThat(ops(ops, "audit", "list")).contains("dlq.replay");
  }

  @Test
  void anEventTheBusCouldNotDeliverIsShownWithEventBridgesReasonAndReplayedToItsConsumer()
      throws Exception {
    // As EventBridge leaves it in a rule target's DLQ: the event as the rule delivers it, and
    // why the queue would not take it.
    EventEnvelope<OrderCreated> order = EventFixtures.orderCreated();
    OpsModule ops = new OpsModule(new Config(shop.cloud().config()));
    try (SqsClient sqs = shop.cloud().endpoints().sqsClient()) {
      String undeliverable =
          sqs.getQueueUrl(q -> q.queueName("shop-carts-undeliverable")).queueUrl();
      sqs.sendMessage(
          m ->
              m.queueUrl(undeliverable)
                  .messageBody(EventFixtures.eventBridgeBody(order))
                  .messageAttributes(
                      Map.of(
                          "ERROR_CODE", text("KMS.AccessDeniedException"),
                          "ERROR_MESSAGE", text("the queue's key refused EventBridge"))));

      assertThat(ops(ops, "dlq", "show", "carts-undeliverable", "--json"))
          .contains(
              order.id(),
              "not delivered by EventBridge: KMS.AccessDeniedException: the queue's key refused");
      assertThat(ops(ops, "dlq", "replay", "carts-undeliverable"))
          .contains("replayed 1", "one-by-one");

      String carts = sqs.getQueueUrl(q -> q.queueName("shop-carts")).queueUrl();
      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(ops(ops, "dlq", "show", "carts-undeliverable", "--json"))
                    .doesNotContain(order.id());
                assertThat(inQueue(sqs, carts)).as("handled and deleted by carts").isZero();
              });
      assertThat(ops(ops, "dlq", "show", "carts", "--json")).doesNotContain(order.id());
    }
  }

  @Test
  void anOperatorListsAParkedOutboxEventAndRetriesItThroughTheServicesOutboxFunction()
      throws Exception {
    // As the relay leaves an event after its last failed send: parked, with the bus's answer.
    EventEnvelope<UserRegistered> event = EventFixtures.userRegistered();
    Config user = new Config(shop.environment("user"));
    try (Connection db =
            DriverManager.getConnection(
                user.require("DATABASE_URL"),
                user.require("DATABASE_USER"),
                user.optional("DATABASE_PASSWORD").orElse(null));
        PreparedStatement park =
            db.prepareStatement(
                "INSERT INTO event_outbox (id, event_type, source, subject, payload, status,"
                    + " attempts, last_error) VALUES (?::uuid, ?, ?, ?, ?::jsonb, 'PARKED', 12,"
                    + " 'InternalException: the bus is down')")) {
      park.setString(1, event.id());
      park.setString(2, event.type().type());
      park.setString(3, event.source());
      park.setString(4, event.subject());
      park.setString(5, CloudEventCodec.instance().encode(event));
      park.executeUpdate();

      // Through the ops API's module, as ./shop ops does: Lambda Invoke of shop-user-outbox-ops.
      OpsModule ops = new OpsModule(new Config(shop.environment("ops")));
      assertThat(ops(ops, "outbox", "list", "--service", "user", "--json"))
          .contains(event.id(), "shop.user.registered.v1", "the bus is down");
      assertThat(ops(ops, "outbox", "retry", event.id())).contains("back in user's outbox line");

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                try (PreparedStatement status =
                    db.prepareStatement("SELECT status FROM event_outbox WHERE id = ?::uuid")) {
                  status.setString(1, event.id());
                  try (ResultSet row = status.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    assertThat(row.getString(1)).as("sent by the sweep").isEqualTo("SENT");
                  }
                }
              });
      assertThat(ops(ops, "outbox", "list", "--json")).doesNotContain(event.id());
      assertThat(ops(ops, "audit", "list", "--json")).contains("outbox.retry", event.id());
    }
  }

  private static MessageAttributeValue text(String value) {
    return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
  }

  private static long inQueue(SqsClient sqs, String url) {
    Map<QueueAttributeName, String> counts =
        sqs.getQueueAttributes(
                a ->
                    a.queueUrl(url)
                        .attributeNames(
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE))
            .attributes();
    return counts.values().stream().mapToLong(Long::parseLong).sum();
  }

  @Test
  void anArchiveReplayRedeliversAWindowAndTheConsumersIgnoreWhatTheyHandled() throws Exception {
    URI sandbox = shop.cloud().endpoints().sandboxUrl();
    Instant from = Instant.now().minusSeconds(1);
    ShopDemo.Outcome outcome =
        new ShopDemo(
                shop.apiUrl(),
                sandbox,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
            .run();
    Instant to = Instant.now();
    int emails = emailsTo(sandbox, outcome.email());
    int charges = paymentIntents(sandbox);

    OpsModule ops = new OpsModule(new Config(shop.cloud().config()));
    String replay = ops(ops, "archive", "replay", "--from", from.toString(), "--to", to.toString());

    assertThat(replay).contains("COMPLETED");
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(emailsTo(sandbox, outcome.email())).isEqualTo(emails);
              assertThat(paymentIntents(sandbox)).isEqualTo(charges);
            });
    HttpResponse<String> product = send("GET", shop.apiUrl().resolve("/products?limit=1"), null);
    assertThat(JSON.readTree(product.body()).at("/items/0/stock").asInt())
        .isEqualTo(outcome.stockAfter());
  }

  private static JsonNode letterAbout(String letters, String email) throws Exception {
    for (JsonNode letter : JSON.readTree(letters)) {
      if (letter.get("body").asText().contains(email)) {
        return letter;
      }
    }
    throw new AssertionError("no dead letter about " + email + " in " + letters);
  }

  private static int paymentIntents(URI sandbox) throws Exception {
    HttpResponse<String> response =
        send(
            "POST",
            sandbox.resolve("/__admin/requests/count"),
            "{\"method\":\"POST\",\"url\":\"/v1/payment_intents\"}");
    return JSON.readTree(response.body()).get("count").asInt();
  }

  private static String ops(OpsModule module, String... args) {
    StringWriter out = new StringWriter();
    new OpsCli(
            () -> module,
            new PrintWriter(out),
            new BufferedReader(new StringReader("")),
            Clock.systemUTC(),
            "test")
        .run(args);
    return out.toString();
  }

  private static String stubEmailOutage(URI sandbox) throws Exception {
    String mapping =
        "{\"priority\":1,\"request\":{\"method\":\"POST\",\"urlPattern\":\"/(v2/email/outbound-emails|v3/mail/send)\"},"
            + "\"response\":{\"status\":503,\"body\":\"provider down\"}}";
    HttpResponse<String> response = send("POST", sandbox.resolve("/__admin/mappings"), mapping);
    return JSON.readTree(response.body()).get("id").asText();
  }

  /** Emails the providers received for {@code email} (the journal counts refused ones too). */
  private static int emailsTo(URI sandbox, String email) throws Exception {
    return emailsTo(sandbox, email, "");
  }

  /** Emails the providers received for {@code email} whose request contains {@code text}. */
  private static int emailsTo(URI sandbox, String email, String text) throws Exception {
    String body =
        "{\"method\":\"POST\",\"urlPattern\":\"/(v2/email/outbound-emails|v3/mail/send)\","
            + "\"bodyPatterns\":[{\"contains\":\""
            + email
            + "\"},{\"contains\":\""
            + text
            + "\"}]}";
    HttpResponse<String> response = send("POST", sandbox.resolve("/__admin/requests/count"), body);
    return JSON.readTree(response.body()).get("count").asInt();
  }

  private static HttpResponse<String> send(String method, URI uri, String json) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Content-Type", "application/json");
    request.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    HttpRequest built = request.build();
    HttpResponse<String> response = HTTP.send(built, HttpResponse.BodyHandlers.ofString());
    if (uri.getPort() == shop.apiUrl().getPort()) {
      ShopContracts.check(built, json, response);
    }
    return response;
  }
}
