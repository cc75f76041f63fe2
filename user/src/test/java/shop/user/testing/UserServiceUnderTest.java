package shop.user.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import shop.platform.auth.OneTimeCodes;
import shop.platform.config.Config;
import shop.platform.testing.ApiEvents;
import shop.platform.testing.ContractCheck;
import shop.platform.testing.FakeEventBridge;
import shop.user.UserModule;
import shop.user.account.PasswordHasher;
import shop.user.adapter.SigningKeyRing;
import shop.user.api.UserApi;

/**
 * The user service wired as in the cloud, against real-protocol stand-ins: embedded PostgreSQL
 * (migrated by {@link UserModule#migrate}), a WireMock server answering as Stripe and as Secrets
 * Manager (holding a freshly made signing key), and the platform's fake EventBridge. Start one per
 * test class.
 */
public final class UserServiceUnderTest implements AutoCloseable {
  public static final String ISSUER = "https://shop.test/user";
  public static final String AUDIENCE = "shop-api";
  public static final String SECRET_ID = "shop/user/jwt-signing";
  public static final String PASSWORD = "a long and unusual passphrase";
  public static final List<String> TABLES =
      List.of(
          "users",
          "user_roles",
          "login_attempts",
          "source_attempts",
          "account_tokens",
          "totp_factors",
          "refresh_families",
          "refresh_tokens",
          "addresses",
          "payment_methods",
          "cart_items",
          "event_outbox",
          "event_inbox");

  private static final ObjectMapper JSON = new ObjectMapper();

  public final EmbeddedPostgres postgres;
  public final WireMockServer stubs;
  public final FakeEventBridge eventBridge;
  public final String signingSecret;
  public final SigningKeyRing keys;
  public final Config config;

  /** The account mails, as the service wrote them to its outbox for notification. */
  public final OutboxMail mail;

  public final UserModule module;
  public final UserApi api;

  private UserServiceUnderTest(PasswordHasher passwords, Map<String, String> overrides)
      throws IOException {
    postgres = EmbeddedPostgres.start();
    stubs = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    stubs.start();
    eventBridge = FakeEventBridge.start();
    signingSecret = SigningKeyRing.newSecretJson("test-2026-11");
    keys = SigningKeyRing.parse(signingSecret);
    stubSecretsManager();
    stubStripe();
    config =
        new Config(
                Map.ofEntries(
                    Map.entry("DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres")),
                    Map.entry("DATABASE_USER", "postgres"),
                    Map.entry("DATABASE_PASSWORD", "postgres"),
                    Map.entry("JWT_ISSUER", ISSUER),
                    Map.entry("JWT_AUDIENCE", AUDIENCE),
                    Map.entry("JWT_SIGNING_SECRET_ID", SECRET_ID),
                    Map.entry("STRIPE_API_KEY", "sk_test_51Shop"),
                    Map.entry(
                        "TOTP_ENCRYPTION_KEY", "a test key of at least thirty-two characters"),
                    Map.entry("STRIPE_API_BASE", stubs.baseUrl()),
                    Map.entry("AWS_REGION", "eu-west-1"),
                    Map.entry("AWS_ACCESS_KEY_ID", "test"),
                    Map.entry("AWS_SECRET_ACCESS_KEY", "test"),
                    Map.entry("AWS_ENDPOINT_URL_SECRETS_MANAGER", stubs.baseUrl()),
                    Map.entry("AWS_ENDPOINT_URL_EVENTBRIDGE", eventBridge.endpoint().toString()),
                    Map.entry("AWS_ENDPOINT_URL_DYNAMODB", stubs.baseUrl()),
                    // Cheap hashes keep the suite fast; the default cost has its own test.
                    Map.entry("PASSWORD_ARGON2_MEMORY_KIB", "1024"),
                    Map.entry("PASSWORD_ARGON2_ITERATIONS", "1")))
            .with(overrides);
    UserModule.migrate(config);
    module = new UserModule(config, Clock.systemUTC(), passwords);
    mail = new OutboxMail(postgres);
    api = new UserApi(module);
  }

  public static UserServiceUnderTest start() {
    return start(null, Map.of());
  }

  /**
   * With {@code passwords} as the hasher (null: the configured Argon2id) and {@code overrides} on
   * top of the usual settings.
   */
  public static UserServiceUnderTest start(
      PasswordHasher passwords, Map<String, String> overrides) {
    try {
      return new UserServiceUnderTest(passwords, overrides);
    } catch (IOException e) {
      throw new UncheckedIOException("the user service's stand-ins did not start", e);
    }
  }

  private void stubSecretsManager() throws IOException {
    Map<String, Object> secret = new LinkedHashMap<>();
    secret.put(
        "ARN", "arn:aws:secretsmanager:eu-west-1:000000000000:secret:" + SECRET_ID + "-AbCdEf");
    secret.put("Name", SECRET_ID);
    secret.put("VersionId", "b3f1a2c4-5d6e-4f70-8a91-0b2c3d4e5f60");
    secret.put("SecretString", signingSecret);
    secret.put("VersionStages", List.of("AWSCURRENT"));
    secret.put("CreatedDate", 1.7955108E9);
    stubs.stubFor(
        post(urlEqualTo("/"))
            .withHeader("X-Amz-Target", equalTo("secretsmanager.GetSecretValue"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/x-amz-json-1.1")
                    .withBody(JSON.writeValueAsString(secret))));
  }

  private void stubStripe() {
    stubs.stubFor(
        post(urlEqualTo("/v1/customers")).willReturn(okJson(resource("stripe/customer.json"))));
    stubs.stubFor(
        post(urlEqualTo("/v1/payment_methods/pm_card_visa/attach"))
            .willReturn(okJson(resource("stripe/payment_method_visa.json"))));
    stubs.stubFor(
        post(urlEqualTo("/v1/payment_methods/pm_card_mastercard/attach"))
            .willReturn(okJson(resource("stripe/payment_method_mastercard.json"))));
    stubs.stubFor(
        post(urlEqualTo("/v1/payment_methods/pm_card_visa/detach"))
            .willReturn(okJson(resource("stripe/payment_method_visa_detached.json"))));
    stubs.stubFor(
        post(urlEqualTo("/v1/payment_methods/pm_card_chargeDeclined/attach"))
            .willReturn(
                aResponse()
                    .withStatus(402)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Request-Id", "req_8Yk2fQ3xZr1T0a")
                    .withBody(resource("stripe/card_declined.json"))));
  }

  /** Sends a request through the Lambda handler. */
  public APIGatewayV2HTTPResponse call(ApiEvents request) {
    return ContractCheck.of("openapi.yaml").around(api).handleRequest(request.build(), null);
  }

  /** Registers {@code email} and returns the new user's id (read from the database). */
  public String register(String email) {
    APIGatewayV2HTTPResponse response =
        call(
            ApiEvents.request("POST /auth/register")
                .json(Map.of("email", email, "password", PASSWORD, "name", "User " + email)));
    if (response.getStatusCode() != 201) {
      throw new IllegalStateException(
          "register answered " + response.getStatusCode() + ": " + response.getBody());
    }
    return userId(email);
  }

  /** The id of the account at {@code email}. */
  public String userId(String email) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var statement = c.prepareStatement("SELECT id FROM users WHERE email = ?")) {
      statement.setString(1, email);
      try (ResultSet rs = statement.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no account at " + email);
        }
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Registers {@code email}, follows its confirmation link, and returns the user's id. */
  public String verifiedUser(String email) {
    String id = register(email);
    APIGatewayV2HTTPResponse verified =
        call(
            ApiEvents.request("POST /auth/verify-email")
                .json(Map.of("token", mail.lastToken("confirm-address", email))));
    if (verified.getStatusCode() != 204) {
      throw new IllegalStateException(
          "verify-email answered " + verified.getStatusCode() + ": " + verified.getBody());
    }
    return id;
  }

  /** Logs {@code email} in: the token response. */
  public JsonNode logIn(String email) {
    APIGatewayV2HTTPResponse response =
        call(
            ApiEvents.request("POST /auth/login")
                .json(Map.of("email", email, "password", PASSWORD)));
    if (response.getStatusCode() != 200) {
      throw new IllegalStateException(
          "login answered " + response.getStatusCode() + ": " + response.getBody());
    }
    return json(response);
  }

  public String accessToken(String email) {
    return logIn(email).get("accessToken").asText();
  }

  /** Logs {@code email} in with the one-time code {@code otp}: the token response. */
  public JsonNode logIn(String email, String otp) {
    APIGatewayV2HTTPResponse response =
        call(
            ApiEvents.request("POST /auth/login")
                .json(Map.of("email", email, "password", PASSWORD, "otp", otp)));
    if (response.getStatusCode() != 200) {
      throw new IllegalStateException(
          "login answered " + response.getStatusCode() + ": " + response.getBody());
    }
    return json(response);
  }

  /**
   * Enrols and confirms TOTP for {@code email} over the API, as its owner would: the codes of the
   * secret it was given.
   */
  public OneTimeCodes enrolTotp(String email) {
    String token = accessToken(email);
    APIGatewayV2HTTPResponse enrolled =
        call(
            ApiEvents.request("POST /users/me/mfa/totp")
                .bearer(token)
                .json(Map.of("password", PASSWORD)));
    if (enrolled.getStatusCode() != 201) {
      throw new IllegalStateException(
          "enrolment answered " + enrolled.getStatusCode() + ": " + enrolled.getBody());
    }
    OneTimeCodes codes = new OneTimeCodes(json(enrolled).get("secret").asText());
    APIGatewayV2HTTPResponse confirmed =
        call(
            ApiEvents.request("POST /users/me/mfa/totp/confirm")
                .bearer(token)
                .json(Map.of("otp", codes.next())));
    if (confirmed.getStatusCode() != 204) {
      throw new IllegalStateException(
          "confirmation answered " + confirmed.getStatusCode() + ": " + confirmed.getBody());
    }
    return codes;
  }

  /**
   * A verified account at {@code email} with TOTP and every staff role (the seed-admin function's
   * way): the codes of its secret, for {@link #logIn(String, String)}.
   */
  public OneTimeCodes staff(String email) {
    String id = verifiedUser(email);
    OneTimeCodes codes = enrolTotp(email);
    module.seedAdmin().seed(java.util.UUID.fromString(id), "test");
    return codes;
  }

  public static JsonNode json(APIGatewayV2HTTPResponse response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The row count of every table of the service. */
  public Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, count("SELECT count(*) FROM " + table));
    }
    return counts;
  }

  public long count(String sql) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getLong(1) : 0;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  public static String resource(String name) {
    try (InputStream in = UserServiceUnderTest.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    module.close();
    eventBridge.close();
    stubs.stop();
    postgres.close();
  }
}
