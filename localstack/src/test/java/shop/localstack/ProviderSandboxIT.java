package shop.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalCloudExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProviderSandboxIT {
  // HTTP/1.1: the JDK client would otherwise try an h2c upgrade on every first request
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final URI sandbox;

  ProviderSandboxIT(LocalCloud cloud) {
    sandbox = cloud.endpoints().sandboxUrl();
  }

  @AfterAll
  void close() {
    http.close();
  }

  @Test
  void declinesPmCardChargeDeclinedLikeStripeAndKeepsTheRequestInTheJournal() throws Exception {
    String idempotencyKey = UUID.randomUUID().toString();

    HttpResponse<String> response =
        form(
            "/v1/payment_intents",
            "amount=1999&currency=eur&payment_method=pm_card_chargeDeclined&confirm=true",
            idempotencyKey);

    assertThat(response.statusCode()).isEqualTo(402);
    JsonNode error = Queues.json(response.body()).path("error");
    assertThat(error.path("type").asText()).isEqualTo("card_error");
    assertThat(error.path("code").asText()).isEqualTo("card_declined");
    assertThat(error.path("payment_intent").path("amount").asInt()).isEqualTo(1999);
    assertThat(response.headers().firstValue("Request-Id")).get().asString().startsWith("req_");
    JsonNode journal = Queues.json(get("/__admin/requests").body()).path("requests");
    assertThat(journal.findValues("Idempotency-Key").toString()).contains(idempotencyKey);
  }

  @Test
  void answersSendGridTwilioAndSes() throws Exception {
    HttpResponse<String> mail = json("/v3/mail/send", "{\"personalizations\":[]}");
    HttpResponse<String> sms =
        form(
            "/2010-04-01/Accounts/AC123/Messages.json", "To=%2B4915100000&From=shop&Body=hi", "s1");
    HttpResponse<String> email = json("/v2/email/outbound-emails", "{\"Content\":{}}");

    assertThat(mail.statusCode()).isEqualTo(202);
    assertThat(sms.statusCode()).isEqualTo(201);
    assertThat(Queues.json(sms.body()).path("sid").asText()).startsWith("SM");
    assertThat(Queues.json(sms.body()).path("to").asText()).isEqualTo("+4915100000");
    assertThat(email.statusCode()).isEqualTo(200);
    assertThat(Queues.json(email.body()).path("MessageId").asText()).isNotBlank();
  }

  private HttpResponse<String> form(String path, String body, String idempotencyKey)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(sandbox.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Idempotency-Key", idempotencyKey)
            .header("Authorization", "Bearer sk_test_provider_sandbox_it")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> json(String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(sandbox.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(sandbox.resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
