package shop.localstack.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;
import shop.events.Subscription;
import shop.events.Topology;
import shop.localstack.Endpoints;
import shop.localstack.ProviderSandbox;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The shop on a real LocalStack (EventBridge, SQS, DynamoDB, S3) with PostgreSQL and MongoDB
 * containers: the bootstrap of {@code ./shop bootstrap} creates everything from the topology, an
 * event put on the bus reaches its rule's queue, and a checkout goes through every service (the
 * local HTTP API and SQS pollers of {@code ./shop up}, pointed at LocalStack; Stripe, SendGrid,
 * Twilio and the signing-key secret answered by the provider sandbox). Needs Docker: where there is
 * no Docker engine every test is skipped with a message saying so. {@code LOCALSTACK_IMAGE} picks
 * the image; {@code LOCALSTACK_AUTH_TOKEN} is passed on when set (LocalStack images from March 2026
 * on require one).
 */
class LocalStackIT {
  private static final String LOCALSTACK_IMAGE =
      Optional.ofNullable(System.getenv("LOCALSTACK_IMAGE"))
          .filter(image -> !image.isBlank())
          .orElse("localstack/localstack:4.4");

  private static LocalStackContainer localstack;
  private static PostgreSQLContainer postgres;
  private static MongoDBContainer mongo;
  private static ProviderSandbox sandbox;
  private static Endpoints endpoints;

  @BeforeAll
  static void start() {
    Assumptions.assumeFalse(
        Boolean.parseBoolean(System.getenv("SHOP_SKIP_LOCALSTACK_IT")),
        "SHOP_SKIP_LOCALSTACK_IT is set: CI runs LocalStackIT in its own job");
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException e) {
      docker = false;
    }
    if (!docker) {
      System.out.println(
          "LocalStackIT skipped: no Docker engine here (these tests start LocalStack, PostgreSQL and"
              + " MongoDB containers; CI's localstack job runs them)");
    }
    Assumptions.assumeTrue(
        docker,
        "no Docker engine here: LocalStackIT needs Docker for LocalStack, PostgreSQL and MongoDB");

    localstack =
        new LocalStackContainer(DockerImageName.parse(LOCALSTACK_IMAGE))
            .withServices("events", "sqs", "dynamodb", "s3", "secretsmanager", "sts");
    String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
    if (token != null && !token.isBlank()) {
      localstack.withEnv("LOCALSTACK_AUTH_TOKEN", token);
    }
    postgres =
        new PostgreSQLContainer(DockerImageName.parse("postgres:17-alpine"))
            .withUsername("shop")
            .withPassword("shop");
    mongo = new MongoDBContainer(DockerImageName.parse("mongo:8.0"));
    List.of(localstack, postgres, mongo).parallelStream().forEach(c -> c.start());
    sandbox = ProviderSandbox.start("127.0.0.1", 0);

    Map<String, String> settings = new HashMap<>();
    settings.put("AWS_ENDPOINT_URL", localstack.getEndpoint().toString());
    settings.put("AWS_REGION", localstack.getRegion());
    settings.put("AWS_ACCESS_KEY_ID", localstack.getAccessKey());
    settings.put("AWS_SECRET_ACCESS_KEY", localstack.getSecretKey());
    settings.put("SHOP_SANDBOX_URL", sandbox.url().toString());
    settings.put("MONGODB_URI", mongo.getConnectionString());
    settings.put(
        "POSTGRES_URL",
        "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432));
    settings.put("POSTGRES_USER", "shop");
    settings.put("POSTGRES_PASSWORD", "shop");
    endpoints = Endpoints.fromSettings(settings::get);
  }

  @AfterAll
  static void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
    for (var container :
        new org.testcontainers.containers.GenericContainer<?>[] {localstack, postgres, mongo}) {
      if (container != null) {
        container.stop();
      }
    }
  }

  @Test
  void theBootstrapCreatesTheTopologyAndTheBusRoutesAnEventToItsQueue() {
    Map<String, String> queues = BootstrapMain.run(endpoints, Topology.shop());
    // Idempotent: a second run changes nothing and fails nothing.
    assertThat(BootstrapMain.run(endpoints, Topology.shop())).isEqualTo(queues);

    Subscription inventory =
        Topology.shop().subscriptions().stream()
            .filter(s -> s.consumer().equals("inventory"))
            .findFirst()
            .orElseThrow();
    String id = UUID.randomUUID().toString();
    try (EventBridgeClient events = endpoints.eventBridgeClient();
        SqsClient sqs = endpoints.sqsClient()) {
      PutEventsResponse put =
          events.putEvents(
              p ->
                  p.entries(
                      PutEventsRequestEntry.builder()
                          .eventBusName(Topology.shop().busName())
                          .source("shop.transaction")
                          .detailType("OrderCreated")
                          .detail("{\"id\":\"" + id + "\"}")
                          .build()));
      assertThat(put.failedEntryCount()).isZero();
      String queueUrl = queues.get(inventory.queue());
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  sqs
                      .receiveMessage(r -> r.queueUrl(queueUrl).waitTimeSeconds(2))
                      .messages()
                      .stream()
                      .map(Message::body)
                      .anyMatch(body -> body.contains(id)));
    }
  }

  @Test
  void aCheckoutGoesThroughEveryServiceOnLocalStack() throws Exception {
    BootstrapMain.createDatabases(endpoints);
    try (LocalShop shop = LocalShop.startOn(endpoints, 0, Topology.shop())) {
      ByteArrayOutputStream trail = new ByteArrayOutputStream();

      ShopDemo.Outcome outcome =
          new ShopDemo(
                  shop.apiUrl(),
                  sandbox.url(),
                  new PrintStream(trail, true, StandardCharsets.UTF_8))
              .run();

      assertThat(outcome.paidOrderStatus()).isEqualTo("PAID");
      assertThat(outcome.declinedOrderStatus()).isEqualTo("CANCELLED");
      assertThat(outcome.stockAfter()).isEqualTo(outcome.stockBefore() - 2);
    }
  }
}
