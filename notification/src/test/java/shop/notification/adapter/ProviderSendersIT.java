package shop.notification.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.notification.delivery.Email;
import shop.notification.delivery.SendFailure;
import shop.notification.delivery.SendReceipt;
import shop.notification.delivery.Sms;
import shop.notification.message.EmailContent;
import shop.platform.config.AwsClients;
import shop.platform.config.Config;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** How each provider adapter reads its provider's answers: accepted, retryable or permanent. */
class ProviderSendersIT {
  private static final String SID = "AC0123456789abcdef0123456789abcdef";
  private static final Email EMAIL =
      new Email(
          "ada@example.com",
          "Ada Lovelace",
          new EmailContent("Hello", "<p>Hello</p>", "Hello"),
          "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");

  private static WireMockServer provider;
  private static SesEmailSender ses;
  private static SendGridEmailSender sendGrid;
  private static TwilioSmsSender twilio;

  @BeforeAll
  static void start() {
    provider = new WireMockServer(options().dynamicPort());
    provider.start();
    Config config =
        new Config(
            Map.of(
                "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "test",
                "AWS_SECRET_ACCESS_KEY", "test",
                "AWS_ENDPOINT_URL_SESV2", provider.baseUrl()));
    ses =
        new SesEmailSender(
            new AwsClients(config).build(SesV2Client.builder(), "SESV2"), "shop@example.com");
    sendGrid =
        new SendGridEmailSender(
            SendGridEmailSender.client("SG.key", provider.baseUrl()), "shop@example.com");
    twilio =
        new TwilioSmsSender(
            TwilioSmsSender.client(SID, "token", provider.baseUrl()), "+15005550006");
  }

  @AfterAll
  static void stop() {
    provider.stop();
  }

  @BeforeEach
  void reset() {
    provider.resetAll();
  }

  @Test
  void sendGridAcceptsAndReturnsItsMessageId() {
    provider.stubFor(
        post(urlEqualTo("/v3/mail/send"))
            .willReturn(aResponse().withStatus(202).withHeader("X-Message-Id", "abc123")));

    SendReceipt receipt = sendGrid.send(EMAIL);

    assertThat(receipt).isEqualTo(new SendReceipt("sendgrid", "abc123"));
    provider.verify(
        postRequestedFor(urlEqualTo("/v3/mail/send"))
            .withHeader("Authorization", equalTo("Bearer SG.key")));
  }

  @Test
  void sendGridRefusingTheAddressIsPermanent() {
    provider.stubFor(
        post(urlEqualTo("/v3/mail/send"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"errors\":[{\"message\":\"Does not contain a valid address.\","
                            + "\"field\":\"personalizations.0.to.0.email\",\"help\":null}]}")));

    assertThatThrownBy(() -> sendGrid.send(EMAIL))
        .isInstanceOfSatisfying(
            SendFailure.class, f -> assertThat(f.isRetryable()).as(f.getMessage()).isFalse());
  }

  @Test
  void sendGridThrottlingIsRetryable() {
    provider.stubFor(
        post(urlEqualTo("/v3/mail/send"))
            .willReturn(aResponse().withStatus(429).withBody("{\"errors\":[]}")));

    assertThatThrownBy(() -> sendGrid.send(EMAIL))
        .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.isRetryable()).isTrue());
  }

  @Test
  void sesRejectingTheMessageIsPermanent() {
    provider.stubFor(
        post(urlEqualTo("/v2/email/outbound-emails"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "MessageRejected")
                    .withBody("{\"message\":\"Email address is not verified.\"}")));

    assertThatThrownBy(() -> ses.send(EMAIL))
        .isInstanceOfSatisfying(
            SendFailure.class, f -> assertThat(f.isRetryable()).as(f.getMessage()).isFalse());
  }

  @Test
  void sesThrottlingIsRetryable() {
    provider.stubFor(
        post(urlEqualTo("/v2/email/outbound-emails"))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                    .withBody("{\"message\":\"Too many requests.\"}")));

    assertThatThrownBy(() -> ses.send(EMAIL))
        .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.isRetryable()).isTrue());
  }

  @Test
  void twilioUnavailableIsRetryable() {
    provider.stubFor(
        post(urlEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\":20503,\"message\":\"Service unavailable\","
                            + "\"more_info\":\"https://www.twilio.com/docs/errors/20503\","
                            + "\"status\":503}")));

    assertThatThrownBy(() -> twilio.send(new Sms("+447700900123", "Hi", "ref")))
        .isInstanceOfSatisfying(SendFailure.class, f -> assertThat(f.isRetryable()).isTrue());
  }
}
