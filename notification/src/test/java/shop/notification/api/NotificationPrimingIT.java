package shop.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.platform.testing.EventFixtures.batch;
import static shop.platform.testing.EventFixtures.eventBridgeBody;
import static shop.platform.testing.EventFixtures.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.events.EventType;
import shop.events.Topology;
import shop.notification.NotificationModule;
import shop.notification.NotificationTables;
import shop.notification.adapter.DynamoDbSendLedger;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import shop.platform.snapstart.Priming;
import shop.platform.testing.LocalDynamoDb;
import shop.platform.testing.TestTokens;

/**
 * SnapStart's priming of the events function against DynamoDB Local and the providers' sandbox: the
 * contact read, the ledger's claim and the SES send run through the SDK and none is sent.
 */
class NotificationPrimingIT {
  private static LocalDynamoDb dynamo;
  private static ProviderSandbox providers;
  private static NotificationEventsHandler events;
  private static NotificationApi api;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamoDb.start();
    providers = new ProviderSandbox();
    providers.acceptAll();
    DynamoDbSendLedger.createTable(
        dynamo.client(), NotificationTables.deliveries(NotificationTables.DEFAULT_NAME));
    dynamo.createTable(Topology.shop().failuresTable(), "pk", "sk");
    Config config =
        dynamo
            .config()
            .with(
                Map.ofEntries(
                    Map.entry("AWS_ENDPOINT_URL_SESV2", providers.baseUrl()),
                    Map.entry("NOTIFICATIONS_TABLE", NotificationTables.DEFAULT_NAME),
                    Map.entry("EMAIL_PRIMARY", "ses"),
                    Map.entry("EMAIL_SECONDARY", "sendgrid"),
                    Map.entry("EMAIL_FROM", "shop@example.com"),
                    Map.entry("SENDGRID_API_KEY", "SG.test-key"),
                    Map.entry("SENDGRID_BASE_URL", providers.baseUrl()),
                    Map.entry("TWILIO_ACCOUNT_SID", ProviderSandbox.TWILIO_SID),
                    Map.entry("TWILIO_AUTH_TOKEN", "test-token"),
                    Map.entry("TWILIO_FROM", "+15005550006"),
                    Map.entry("TWILIO_BASE_URL", providers.baseUrl())));
    NotificationModule module = new NotificationModule(config, TestTokens.verifier());
    events = new NotificationEventsHandler(module);
    api = new NotificationApi(module);
  }

  @AfterAll
  static void stop() {
    providers.close();
    dynamo.close();
  }

  @Test
  void primingRunsTheSendLedgerAndSesRequestsWithoutWritingOrSendingAnything() {
    long primed = AwsClients.primedRequests();

    Priming.primeAll();

    assertThat(AwsClients.primedRequests() - primed)
        .as("the contact read, the claim, the SES send and the API's query, each refused unsent")
        .isGreaterThanOrEqualTo(4);
    assertThat(items()).as("nothing written to the send ledger").isZero();
    assertThat(providers.sesEmails()).isEmpty();
    assertThat(providers.sendGridEmails()).isEmpty();
    assertThat(providers.twilioMessages()).isEmpty();

    // After priming the same clients send for real.
    var response =
        events.handleRequest(
            batch(message("OrderCreated", eventBridgeBody(sample(EventType.ORDER_CREATED)))), null);
    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(providers.sesEmails()).hasSize(1);
    assertThat(items()).isPositive();
  }

  private static int items() {
    return dynamo.client().scan(r -> r.tableName(NotificationTables.DEFAULT_NAME)).count();
  }

  private static String sample(EventType type) {
    try (InputStream in =
        NotificationPrimingIT.class.getClassLoader().getResourceAsStream(type.sampleResource())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
