package shop.notification.api;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.platform.testing.EventFixtures.batch;
import static shop.platform.testing.EventFixtures.eventBridgeBody;
import static shop.platform.testing.EventFixtures.message;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.events.Customer;
import shop.events.EmailVerificationRequested;
import shop.events.EventEnvelope;
import shop.events.EventJson;
import shop.events.EventType;
import shop.events.PasswordResetRequested;
import shop.events.PaymentCaptured;
import shop.events.RegistrationAttempted;
import shop.events.Topology;
import shop.events.UserRegistered;
import shop.notification.NotificationModule;
import shop.notification.NotificationTables;
import shop.notification.adapter.DynamoDbSendLedger;
import shop.notification.delivery.DeliveryStatus;
import shop.platform.config.Config;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.ContractCheck;
import shop.platform.testing.EventFixtures;
import shop.platform.testing.LocalDynamoDb;
import shop.platform.testing.TestTokens;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The service end to end in one JVM: SQS batches into the events handler, DynamoDB Local for the
 * send ledger and the failures table, WireMock as SES, SendGrid and Twilio, and the delivery log
 * API.
 */
class NotificationServiceIT {
  private static LocalDynamoDb dynamo;
  private static ProviderSandbox providers;
  private static NotificationEventsHandler events;
  private static NotificationApi api;

  @BeforeAll
  static void start() {
    dynamo = LocalDynamoDb.start();
    providers = new ProviderSandbox();
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
                    Map.entry("TWILIO_BASE_URL", providers.baseUrl()),
                    Map.entry("APP_BASE_URL", "https://shop.example")));
    NotificationModule module = new NotificationModule(config, TestTokens.verifier());
    events = new NotificationEventsHandler(module);
    api = new NotificationApi(module);
  }

  @AfterAll
  static void stop() {
    providers.close();
    dynamo.close();
  }

  @BeforeEach
  void providersAcceptEverything() {
    providers.acceptAll();
  }

  @Test
  void everyEventTypeSendsItsEmailAndTheConfirmationAndTheShipmentAlsoAnSms() {
    List<SQSEvent.SQSMessage> messages = new ArrayList<>();
    for (EventType type : NotificationModule.SUBSCRIPTION.events()) {
      if (NotificationModule.CUSTOMER_FACTS.contains(type)) {
        continue; // no message: NotifyCustomerTest and CustomerDataIT cover what they change
      }
      messages.add(message(type.eventName(), eventBridgeBody(sample(type))));
    }

    SQSBatchResponse response = handle(batch(messages.toArray(SQSEvent.SQSMessage[]::new)));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(providers.sesEmails())
        .allSatisfy(
            email -> {
              assertThat(email.at("/FromEmailAddress").asText()).isEqualTo("shop@example.com");
              assertThat(email.at("/Destination/ToAddresses/0").asText())
                  .isEqualTo("ada@example.com");
              assertThat(email.at("/Content/Simple/Body/Html/Data").asText()).contains("<html");
              assertThat(email.at("/Content/Simple/Body/Text/Data").asText()).contains("Ada");
              assertThat(email.at("/EmailTags/0/Name").asText()).isEqualTo("notification_id");
            })
        .extracting(email -> email.at("/Content/Simple/Subject/Data").asText())
        .containsExactlyInAnyOrder(
            "Welcome to the shop, Ada Lovelace",
            "Confirm your email address",
            "Set a new password",
            "Someone tried to open an account with your address",
            "We received your order 3f2c1f5e-8d4b-4c1e-9a57-0c6f2b9d1a10",
            "Your order 3f2c1f5e-8d4b-4c1e-9a57-0c6f2b9d1a10 is confirmed",
            "Please complete the payment for order 3f2c1f5e-8d4b-4c1e-9a57-0c6f2b9d1a10",
            "The payment for order 3f2c1f5e-8d4b-4c1e-9a57-0c6f2b9d1a10 did not go through",
            "Your order 3f2c1f5e-8d4b-4c1e-9a57-0c6f2b9d1a10 was cancelled",
            "Your order 3f2c1f5e-8d4b-4c1e-9a57-0c6f2b9d1a10 is on its way",
            "Your order 3f2c1f5e-8d4b-4c1e-9a57-0c6f2b9d1a10 was delivered",
            "We received your return request for order 3f2c1f5e-8d4b-4c1e-9a57-0c6f2b9d1a10",
            "Your return for order 3f2c1f5e-8d4b-4c1e-9a57-0c6f2b9d1a10 arrived",
            "We refunded €19.99 for order 3f2c1f5e-8d4b-4c1e-9a57-0c6f2b9d1a10");
    assertThat(providers.twilioMessages())
        .allSatisfy(
            sms ->
                assertThat(sms)
                    .containsEntry("To", "+447700900123")
                    .containsEntry("From", "+15005550006"))
        .extracting(sms -> sms.get("Body"))
        .satisfiesExactlyInAnyOrder(
            body -> assertThat(body).contains("is confirmed").contains("€49.00"),
            body -> assertThat(body).contains("shipped with DHL").contains("JD014600006281234567"));
    assertThat(providers.sendGridEmails()).isEmpty();
  }

  @Test
  void theSameEventDeliveredThreeTimesSendsOneEmail() {
    String body = eventBridgeBody(userRegistered("grace@example.com"));

    for (int delivery = 1; delivery <= 3; delivery++) {
      assertThat(handle(batch(message("m" + delivery, body, delivery))).getBatchItemFailures())
          .isEmpty();
    }

    assertThat(providers.sesEmails()).hasSize(1);
  }

  @Test
  void eachAccountMailIsSentOnceByEmailWithItsLinkHoweverOftenItIsDelivered() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Instant later = now.plus(30, ChronoUnit.MINUTES);
    String user = UUID.randomUUID().toString();
    String token = "Zm9yLXRlc3RzLW9ubHktbm90LWEtcmVhbC10b2tlbi0x";
    List<EventEnvelope<?>> mails =
        List.of(
            EventEnvelope.of(
                new EmailVerificationRequested(user, "v@example.com", "Vera", token, later),
                1,
                now),
            EventEnvelope.of(
                new PasswordResetRequested(user, "r@example.com", "Rosa", token, later), 1, now),
            EventEnvelope.of(
                new RegistrationAttempted(user, "a@example.com", "Alan", now), 1, now));

    for (int delivery = 1; delivery <= 2; delivery++) {
      for (EventEnvelope<?> mail : mails) {
        SQSBatchResponse response =
            handle(batch(message(mail.id() + "-" + delivery, eventBridgeBody(mail), delivery)));
        assertThat(response.getBatchItemFailures()).isEmpty();
      }
    }

    assertThat(providers.sesEmails())
        .extracting(
            email ->
                email.at("/Destination/ToAddresses/0").asText()
                    + " "
                    + email.at("/Content/Simple/Subject/Data").asText())
        .containsExactlyInAnyOrder(
            "v@example.com Confirm your email address",
            "r@example.com Set a new password",
            "a@example.com Someone tried to open an account with your address");
    assertThat(text(providers.sesEmails(), "v@example.com"))
        .contains("https://shop.example/verify-email?token=" + token);
    assertThat(text(providers.sesEmails(), "r@example.com"))
        .contains("https://shop.example/reset-password?token=" + token);
    assertThat(text(providers.sesEmails(), "a@example.com")).doesNotContain("token=");
    assertThat(providers.twilioMessages()).isEmpty();
  }

  private static String text(List<JsonNode> emails, String to) {
    return emails.stream()
        .filter(email -> email.at("/Destination/ToAddresses/0").asText().equals(to))
        .findFirst()
        .orElseThrow()
        .at("/Content/Simple/Body/Text/Data")
        .asText();
  }

  @Test
  void aFailingPrimaryProviderHandsTheEmailToTheSecondary() {
    providers.sesFails();
    EventEnvelope<UserRegistered> event = userRegistered("linus@example.com");

    SQSBatchResponse response = handle(batch(message("m1", eventBridgeBody(event))));

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(providers.sesEmails()).isNotEmpty();
    assertThat(providers.sendGridEmails())
        .singleElement()
        .satisfies(
            mail -> {
              assertThat(mail.at("/personalizations/0/to/0/email").asText())
                  .isEqualTo("linus@example.com");
              assertThat(mail.at("/custom_args/notification_id").asText()).isNotBlank();
            });
    assertThat(ledger().ofUser(event.data().userId(), 10))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
              assertThat(d.provider()).isEqualTo("sendgrid");
              assertThat(d.providerMessageId()).isEqualTo("W4Yn7oJfT3aO0QRg6lYb3A");
            });
  }

  @Test
  void anInvalidPhoneNumberIsRecordedAsFailedAndNotRetried() {
    providers.twilioRefuses("+15005550001");
    EventEnvelope<PaymentCaptured> event = paymentCaptured("+15005550001");
    String body = eventBridgeBody(event);

    SQSBatchResponse first = handle(batch(message("m1", body, 1)));
    SQSBatchResponse again = handle(batch(message("m1", body, 2)));

    assertThat(first.getBatchItemFailures()).as("a refused number is no reason to retry").isEmpty();
    assertThat(again.getBatchItemFailures()).isEmpty();
    assertThat(providers.twilioMessages()).hasSize(1);
    assertThat(providers.sesEmails()).as("the email still went out, once").hasSize(1);
    JsonNode log = adminLog(event.data().orderId());
    assertThat(log.findValuesAsText("status")).containsExactlyInAnyOrder("SENT", "FAILED");
    assertThat(log.findValuesAsText("failure")).singleElement().asString().contains("21211");
  }

  @Test
  void aSchemaInvalidMessageFailsAloneAndItsReasonIsRecorded() {
    EventEnvelope<UserRegistered> valid = userRegistered("barbara@example.com");
    EventEnvelope<UserRegistered> broken = userRegistered("edsger@example.com");
    String invalid = eventBridgeBody(EventFixtures.withData(broken, "email", "not an address"));

    SQSBatchResponse response =
        handle(batch(message("good", eventBridgeBody(valid)), message("bad", invalid)));

    assertThat(response.getBatchItemFailures())
        .extracting(SQSBatchResponse.BatchItemFailure::getItemIdentifier)
        .containsExactly("bad");
    assertThat(providers.sesEmails())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.at("/Destination/ToAddresses/0").asText())
                    .isEqualTo("barbara@example.com"));
    Map<String, AttributeValue> failure =
        dynamo
            .client()
            .getItem(
                r ->
                    r.tableName(Topology.shop().failuresTable())
                        .key(
                            Map.of(
                                "pk", AttributeValue.fromS("notifications"),
                                "sk", AttributeValue.fromS(broken.id()))))
            .item();
    assertThat(failure.get("errorClass").s()).isEqualTo("InvalidEventException");
    assertThat(failure.get("errorMessage").s()).contains("email");
  }

  @Test
  void theLogShowsTheCallerOnlyTheirOwnNotificationsNewestFirst() {
    EventEnvelope<UserRegistered> welcome = userRegistered("alan@example.com");
    String userId = welcome.data().userId();
    EventEnvelope<PaymentCaptured> paid =
        paymentCaptured(userId, "+447700900123", welcome.time().plusSeconds(60));
    handle(batch(message("m1", eventBridgeBody(welcome)), message("m2", eventBridgeBody(paid))));
    handle(batch(message("m3", eventBridgeBody(userRegistered("someone@example.com")))));

    JsonNode mine = myLog(userId);

    assertThat(mine.findValuesAsText("template"))
        .as("newest first")
        .containsExactly("order-confirmed", "order-confirmed", "welcome");
    assertThat(mine.findValuesAsText("channel")).contains("EMAIL", "SMS");
    assertThat(mine.at("/items/0/orderId").asText()).isEqualTo(paid.data().orderId());
    assertThat(mine.findValues("provider")).as("customers do not see provider details").isEmpty();
  }

  private static DynamoDbSendLedger ledger() {
    return new DynamoDbSendLedger(
        dynamo.client(), NotificationTables.DEFAULT_NAME, Duration.ofDays(1));
  }

  private static SQSBatchResponse handle(SQSEvent batch) {
    return events.handleRequest(batch, null);
  }

  private static JsonNode myLog(String userId) {
    return json(
        call(ApiEvents.request("GET /notifications").bearer(TestTokens.customer(userId)).build()));
  }

  private static JsonNode adminLog(String orderId) {
    return json(call(
            ApiEvents.request("GET /admin/notifications")
                .query("orderId", orderId)
                .bearer(TestTokens.admin("admin-1"))
                .build()))
        .get("items");
  }

  private static JsonNode json(APIGatewayV2HTTPResponse response) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
    try {
      return EventJson.mapper().readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EventEnvelope<UserRegistered> userRegistered(String email) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    return EventEnvelope.of(
        new UserRegistered(UUID.randomUUID().toString(), email, "Grace Hopper", null, now), 1, now);
  }

  private static EventEnvelope<PaymentCaptured> paymentCaptured(String phone) {
    return paymentCaptured(UUID.randomUUID().toString(), phone, Instant.now());
  }

  private static EventEnvelope<PaymentCaptured> paymentCaptured(
      String userId, String phone, Instant at) {
    Instant time = at.truncatedTo(ChronoUnit.SECONDS);
    return EventEnvelope.of(
        new PaymentCaptured(
            UUID.randomUUID().toString(),
            userId,
            new Customer("ada@example.com", "Ada Lovelace", phone, true),
            "pi_3Q1w2E3r4T5y6U7i",
            4900,
            "EUR",
            time),
        3,
        time);
  }

  private static String sample(EventType type) {
    try (InputStream in =
        NotificationServiceIT.class.getClassLoader().getResourceAsStream(type.sampleResource())) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Through the handler, checked against openapi.yaml. */
  private static APIGatewayV2HTTPResponse call(APIGatewayV2HTTPEvent request) {
    return ContractCheck.of("openapi.yaml").around(api).handleRequest(request, null);
  }
}
