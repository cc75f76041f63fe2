package shop.platform.config;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import shop.platform.testing.MutableClock;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Against a server speaking Secrets Manager's JSON protocol, through the real AWS SDK client. */
class SecretReferencesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static WireMockServer secretsManager;
  private final AtomicInteger clientsMade = new AtomicInteger();

  @BeforeAll
  static void start() {
    secretsManager = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    secretsManager.start();
  }

  @AfterAll
  static void stop() {
    secretsManager.stop();
  }

  @BeforeEach
  void reset() throws Exception {
    secretsManager.resetAll();
    secret("shop/stripe", "{\"apiKey\":\"sk_test_1\",\"webhookSecret\":\"whsec_2\"}");
    secret("shop/plain", "just-a-token");
  }

  @Test
  void replacesEachReferenceWithItsSecretsFieldFetchingEachSecretOnce() {
    Config resolved =
        SecretReferences.resolve(
            new Config(
                Map.of(
                    "STRIPE_API_KEY", "secretsmanager:shop/stripe#apiKey",
                    "STRIPE_WEBHOOK_SECRET", "secretsmanager:shop/stripe#webhookSecret",
                    "TOKEN", "secretsmanager:shop/plain",
                    "STRIPE_API_BASE", "https://api.stripe.com")),
            client());

    assertThat(resolved.require("STRIPE_API_KEY")).isEqualTo("sk_test_1");
    assertThat(resolved.require("STRIPE_WEBHOOK_SECRET")).isEqualTo("whsec_2");
    assertThat(resolved.require("TOKEN")).isEqualTo("just-a-token");
    assertThat(resolved.require("STRIPE_API_BASE")).isEqualTo("https://api.stripe.com");
    secretsManager.verify(
        1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("shop/stripe")));
  }

  @Test
  void resolvingFromConfigAloneReadsThroughAClientConfiguredByIt() {
    Config resolved =
        SecretReferences.resolve(
            new Config(
                Map.of(
                    "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "test",
                    "AWS_SECRET_ACCESS_KEY", "test",
                    "AWS_ENDPOINT_URL_SECRETS_MANAGER", secretsManager.baseUrl(),
                    "STRIPE_API_KEY", SecretReferences.reference("shop/stripe", "apiKey"),
                    "TOKEN", "secretsmanager:shop/plain")));

    assertThat(resolved.require("STRIPE_API_KEY")).isEqualTo("sk_test_1");
    assertThat(resolved.require("TOKEN")).isEqualTo("just-a-token");
  }

  @Test
  void plainSettingsNeedNoSecretsManagerAtAll() {
    Config plain = new Config(Map.of("STRIPE_API_KEY", "sk_test_plain"));

    assertThat(SecretReferences.resolve(plain, client()).require("STRIPE_API_KEY"))
        .isEqualTo("sk_test_plain");
    assertThat(clientsMade).hasValue(0);
  }

  @Test
  void aMissingFieldOrSecretFailsNamingTheSettingAndNeverTheSecretsValue() {
    assertThatThrownBy(
            () ->
                SecretReferences.resolve(
                    new Config(Map.of("TWILIO_FROM", "secretsmanager:shop/stripe#from")), client()))
        .isInstanceOf(MissingConfigException.class)
        .hasMessageContaining("TWILIO_FROM")
        .hasMessageContaining("'from'")
        .hasMessageNotContaining("sk_test_1");
    assertThatThrownBy(
            () ->
                SecretReferences.resolve(
                    new Config(Map.of("MONGODB_URI", "secretsmanager:shop/nowhere#uri")), client()))
        .isInstanceOf(MissingConfigException.class)
        .hasMessageContaining("MONGODB_URI")
        .hasMessageContaining("shop/nowhere");
  }

  @Test
  void aLiveSecretIsFetchedAgainOnceItsTtlHasPassedAndAfterASnapStartRestore() throws Exception {
    MutableClock clock = MutableClock.at("2026-12-06T10:00:00Z");
    SecretCache cache = new SecretCache(client(), Duration.ofMinutes(5), clock);
    Supplier<String> apiKey =
        cache.live(
            new Config(Map.of("STRIPE_API_KEY", "secretsmanager:shop/stripe#apiKey")),
            "STRIPE_API_KEY",
            SecretShape.STRIPE_API_KEY);
    assertThat(apiKey.get()).isEqualTo("sk_test_1");

    secret("shop/stripe", "{\"apiKey\":\"rk_live_rotated\"}");
    clock.advance(Duration.ofMinutes(4));
    assertThat(apiKey.get()).as("within the TTL").isEqualTo("sk_test_1");
    clock.advance(Duration.ofMinutes(1));
    assertThat(apiKey.get()).as("once the TTL has passed").isEqualTo("rk_live_rotated");

    secret("shop/stripe", "{\"apiKey\":\"rk_live_after_restore\"}");
    cache.afterRestore(null);
    assertThat(apiKey.get()).as("after a restore").isEqualTo("rk_live_after_restore");
  }

  @Test
  void aPlaceholderOrAWrongKindOfKeyRefusesToStartNamingTheSettingButNotItsValue()
      throws Exception {
    secret("shop/stripe", "{\"apiKey\":\"REPLACE_ME\",\"webhookSecret\":\"pk_test_123\"}");
    SecretCache cache = new SecretCache(client(), Duration.ofMinutes(5), Clock.systemUTC());
    Config config =
        new Config(
            Map.of(
                "STRIPE_API_KEY", "secretsmanager:shop/stripe#apiKey",
                "STRIPE_WEBHOOK_SECRET", "secretsmanager:shop/stripe#webhookSecret",
                "PLAIN_KEY", "pk_live_publishable"));

    assertThatThrownBy(() -> cache.live(config, "STRIPE_API_KEY", SecretShape.STRIPE_API_KEY))
        .isInstanceOf(MissingConfigException.class)
        .hasMessageContaining("STRIPE_API_KEY=secretsmanager:shop/stripe#apiKey")
        .hasMessageContaining("sk_")
        .hasMessageNotContaining("REPLACE_ME")
        .satisfies(e -> assertThat(e.getStackTrace()).as("no stack trace").isEmpty());
    assertThatThrownBy(
            () -> cache.live(config, "STRIPE_WEBHOOK_SECRET", SecretShape.STRIPE_WEBHOOK_SECRET))
        .hasMessageContaining("whsec_")
        .hasMessageNotContaining("pk_test_123");
    assertThatThrownBy(() -> cache.live(config, "PLAIN_KEY", SecretShape.STRIPE_API_KEY))
        .hasMessageContaining("PLAIN_KEY")
        .hasMessageNotContaining("pk_live_publishable");
  }

  private Supplier<SecretsManagerClient> client() {
    AwsClients aws =
        new AwsClients(
            new Config(
                Map.of(
                    "AWS_REGION", "us-east-1",
                    "AWS_ACCESS_KEY_ID", "test",
                    "AWS_SECRET_ACCESS_KEY", "test",
                    "AWS_ENDPOINT_URL", secretsManager.baseUrl())));
    return () -> {
      clientsMade.incrementAndGet();
      return aws.build(SecretsManagerClient.builder(), "SECRETS_MANAGER");
    };
  }

  private static void secret(String name, String value) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "ARN",
                "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + name + "-AbCdEf",
                "Name",
                name,
                "SecretString",
                value,
                "VersionId",
                "00000000-0000-4000-8000-000000000001"));
    secretsManager.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
            .withRequestBody(containing("\"" + name + "\""))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(body)));
  }
}
