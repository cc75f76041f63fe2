package shop.localstack.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import shop.user.adapter.SigningKeyRing;

/**
 * Secrets Manager, locally: the provider sandbox answers {@code GetSecretValue} for the shop's
 * secrets, so every service reads its signing keys and provider credentials through the same
 * settings ({@code secretsmanager:<id>#<field>}) and the same AWS SDK call as in the cloud. The
 * signing keys are a key pair made at start; the providers' credentials are the sandbox's.
 */
final class LocalSecrets {
  /** The secrets, named as in the cloud (infra's SharedStack). */
  static final String SIGNING_SECRET_ID = "shop/jwt-signing-keys";

  /** Each Stripe-calling service's own secret, its own restricted key (as in the cloud). */
  static final String STRIPE_TRANSACTION_SECRET_ID = "shop/stripe/transaction";

  static final String STRIPE_USER_SECRET_ID = "shop/stripe/user";
  static final String SENDGRID_SECRET_ID = "shop/sendgrid";
  static final String TWILIO_SECRET_ID = "shop/twilio";

  /** The carriers' webhook signing secret (in the cloud, the placeholder staff replace). */
  static final String CARRIER_SECRET_ID = "shop/carrier";

  /** What the local carrier webhook is signed with: fixed, so a developer can sign test notices. */
  static final String CARRIER_WEBHOOK_SECRET = "local-carrier-webhook-secret-0123456789";

  /** The application key the user service seals TOTP secrets with (a random one per start). */
  static final String TOTP_KEY_SECRET_ID = "shop/totp-key";

  private static final ObjectMapper JSON = new ObjectMapper();

  private LocalSecrets() {}

  /**
   * The signing keys (a key pair made now) and the providers' credentials (the sandbox's; Stripe's
   * webhook signing secret is the one the sandbox gave the shop's endpoint).
   */
  static void putShopSecrets(URI sandbox, String stripeWebhookSecret) {
    putSigningKeys(sandbox, SIGNING_SECRET_ID);
    put(
        sandbox,
        STRIPE_TRANSACTION_SECRET_ID,
        Map.of("apiKey", "rk_test_local_transaction", "webhookSecret", stripeWebhookSecret));
    put(sandbox, STRIPE_USER_SECRET_ID, Map.of("apiKey", "rk_test_local_user"));
    put(sandbox, TOTP_KEY_SECRET_ID, Map.of("key", java.util.UUID.randomUUID().toString()));
    put(sandbox, SENDGRID_SECRET_ID, Map.of("apiKey", "SG.local-sandbox"));
    put(sandbox, CARRIER_SECRET_ID, Map.of("webhookSecret", CARRIER_WEBHOOK_SECRET));
    put(
        sandbox,
        TWILIO_SECRET_ID,
        Map.of(
            "accountSid", "AC00000000000000000000000000000000",
            "authToken", "local-sandbox",
            "from", "+15005550006"));
  }

  static void putSigningKeys(URI sandbox, String secretId) {
    put(sandbox, secretId, SigningKeyRing.newSecretJson("local-" + System.currentTimeMillis()));
  }

  /** Makes the sandbox answer {@code secretId} with {@code fields} as the secret's JSON. */
  static void put(URI sandbox, String secretId, Map<String, String> fields) {
    ObjectNode json = JSON.createObjectNode();
    fields.forEach(json::put);
    put(sandbox, secretId, json.toString());
  }

  private static void put(URI sandbox, String secretId, String secretString) {
    ObjectNode secret = JSON.createObjectNode();
    secret.put(
        "ARN", "arn:aws:secretsmanager:us-east-1:000000000000:secret:" + secretId + "-local");
    secret.put("Name", secretId);
    secret.put("VersionId", "00000000-0000-4000-8000-000000000001");
    secret.put("SecretString", secretString);
    secret.putArray("VersionStages").add("AWSCURRENT");
    ObjectNode mapping = JSON.createObjectNode();
    ObjectNode request = mapping.putObject("request");
    request.put("method", "POST");
    request.put("url", "/");
    request
        .putObject("headers")
        .putObject("X-Amz-Target")
        .put("equalTo", "secretsmanager.GetSecretValue");
    request
        .putArray("bodyPatterns")
        .addObject()
        .putObject("matchesJsonPath")
        .put("expression", "$.SecretId")
        .put("equalTo", secretId);
    ObjectNode response = mapping.putObject("response");
    response.put("status", 200);
    response.putObject("headers").put("Content-Type", "application/x-amz-json-1.1");
    response.put("body", secret.toString());
    try {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(sandbox.resolve("/__admin/mappings"))
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(mapping.toString()))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 201) {
        throw new IllegalStateException(
            "the sandbox refused the secret " + secretId + ": " + answer.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("the sandbox is not answering at " + sandbox, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
