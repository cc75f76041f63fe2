package shop.localstack.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import shop.events.Topology;
import shop.localstack.CloudPorts;
import shop.localstack.Endpoints;
import shop.localstack.StartupTimeline;
import shop.localstack.app.seeds.DemoAdmin;

/**
 * {@code ./shop up}: starts the whole shop in the foreground, prints where everything is, writes
 * the same to {@code .shop/local.json}, and stops everything on Ctrl-C. {@code SHOP_PORT} moves the
 * API (default 8080); {@code SHOP_LOCAL_<SERVICE>_PORT} moves an emulator; a non-empty {@code
 * SHOP_UP_TIMELINE} prints when each phase of the start began and ended.
 */
public final class ShopUp {
  private ShopUp() {}

  public static void main(String[] args) throws Exception {
    StartupTimeline timeline = new StartupTimeline();
    Path state = Path.of(args.length > 0 ? args[0] : ".shop");
    int apiPort = Integer.parseInt(System.getenv().getOrDefault("SHOP_PORT", "8080"));
    LocalShop shop;
    try {
      shop =
          LocalShop.start(
              CloudPorts.fromSettings(System::getenv), apiPort, Topology.shop(), timeline);
    } catch (RuntimeException e) {
      System.err.println("./shop up could not start: " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.out.println("stopping...");
                  shop.close();
                  stopped.countDown();
                }));
    Map<String, Object> local = describe(shop);
    Files.createDirectories(state);
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(state.resolve("local.json").toFile(), local);
    long readyMillis = timeline.elapsedMillis();
    if (!System.getenv().getOrDefault("SHOP_UP_TIMELINE", "").isEmpty()) {
      System.out.printf("%nWhere the start went (ms since main):%n%s", timeline.table());
    }
    System.out.printf(
        """

        The shop is up in %d ms (emulators %d ms).
          API          %s   (try: curl %s/products)
          API docs     %s/docs   (every service's operations, Swagger UI)
          console      %s/console/   (operators: log in as the admin below)
          admin        %s / %s   TOTP secret %s
          sandbox      %s/__admin/requests   (every email, SMS and Stripe call)
          Stripe       webhook signing secret %s   (events sent: %s/__admin/stripe/events)
          EventBridge  %s   bus %s
          SQS          %s
          DynamoDB     %s
          S3           %s
          MongoDB      %s
        Written to %s. Ctrl-C stops everything.
        """,
        readyMillis,
        shop.cloud().startupTime().toMillis(),
        shop.apiUrl(),
        shop.apiUrl(),
        shop.apiUrl(),
        shop.apiUrl(),
        DemoAdmin.EMAIL,
        DemoAdmin.PASSWORD,
        DemoAdmin.TOTP_SECRET,
        local.get("sandboxUrl"),
        shop.stripeWebhookSecret(),
        local.get("sandboxUrl"),
        local.get("eventbridgeUrl"),
        local.get("busName"),
        local.get("sqsUrl"),
        local.get("dynamoDbUrl"),
        local.get("s3Url"),
        local.get("mongoUri"),
        state.resolve("local.json").toAbsolutePath());
    System.out.flush();
    stopped.await();
  }

  static Map<String, Object> describe(LocalShop shop) {
    Endpoints endpoints = shop.cloud().endpoints();
    Map<String, Object> local = new LinkedHashMap<>();
    local.put("apiUrl", shop.apiUrl().toString());
    local.put(
        "admin",
        Map.of(
            "email",
            DemoAdmin.EMAIL,
            "password",
            DemoAdmin.PASSWORD,
            "totpSecret",
            DemoAdmin.TOTP_SECRET));
    local.put("sandboxUrl", endpoints.sandboxUrl().toString());
    // As `stripe listen` prints one: developers sign their own test events with it.
    local.put("stripe", Map.of("webhookSecret", shop.stripeWebhookSecret()));
    local.put("eventbridgeUrl", endpoints.eventBridgeUrl().toString());
    local.put("busName", Topology.shop().busName());
    local.put("sqsUrl", endpoints.sqsUrl().toString());
    local.put("dynamoDbUrl", endpoints.dynamoDbUrl().toString());
    local.put("s3Url", endpoints.s3Url().toString());
    local.put("mongoUri", endpoints.mongoUri());
    local.put("region", endpoints.region());
    local.put("accessKeyId", endpoints.accessKeyId());
    local.put("secretAccessKey", endpoints.secretAccessKey());
    Map<String, Object> postgres = new LinkedHashMap<>();
    endpoints.postgres().forEach((service, db) -> postgres.put(service, db.jdbcUrl()));
    local.put("postgres", postgres);
    local.put("environment", shop.cloud().config());
    return local;
  }
}
