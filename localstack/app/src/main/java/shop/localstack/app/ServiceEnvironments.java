package shop.localstack.app;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import shop.localstack.Bootstrap;
import shop.localstack.Endpoints;
import shop.notification.NotificationTables;
import shop.platform.config.Config;
import shop.platform.config.SecretReferences;
import shop.platform.postgres.DatabaseRoles;

/**
 * What each service's functions get as environment on the local cloud, as its Lambda does in the
 * cloud: the cloud's endpoints and credentials, how to verify tokens, its own resources, and its
 * secrets as references that the sandbox answers.
 */
final class ServiceEnvironments {
  static final String JWT_AUDIENCE = "shop-api";

  /** The role checkout signs its price quotes as here, as the transaction API's role does. */
  static final String CHECKOUT_ROLE = "arn:aws:iam::000000000000:role/shop-transaction-api";

  /**
   * The database pool of each PostgreSQL service here. In the cloud a Lambda instance serves one
   * request or one batch at a time, so the services' small default pool (5) is plenty; here one
   * module serves every concurrent request and consumer, and a small pool made them queue for a
   * connection: 134 ms of the 160 ms a {@code GET /users/me} took at 32 clients with 2.
   */
  static final int DB_POOL_SIZE = 16;

  private final Endpoints endpoints;
  private final URI apiUrl;
  private final Map<String, String> settings;

  /** {@code settings} are added to every service's environment (drills shorten timeouts). */
  ServiceEnvironments(Endpoints endpoints, URI apiUrl, Map<String, String> settings) {
    this.endpoints = endpoints;
    this.apiUrl = apiUrl;
    this.settings = Map.copyOf(settings);
  }

  /** The environment of {@code service} (user, product, transaction, notification or ops). */
  Map<String, String> of(String service) {
    return switch (service) {
      case "user" -> user();
      case "product" -> product();
      case "transaction" -> transaction();
      case "notification" -> notification();
      case "ops" -> ops();
      default -> throw new IllegalArgumentException("no service " + service);
    };
  }

  Config config(String service) {
    return new Config(of(service));
  }

  private Map<String, String> common(String service) {
    Map<String, String> config = new HashMap<>(endpoints.config(service));
    config.put("JWT_ISSUER", apiUrl.toString());
    config.put("JWT_AUDIENCE", JWT_AUDIENCE);
    config.put("JWKS_URL", apiUrl + "/.well-known/jwks.json");
    // Secrets Manager is answered by the provider sandbox locally.
    config.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", endpoints.sandboxUrl().toString());
    config.putAll(settings);
    return config;
  }

  private Map<String, String> user() {
    Map<String, String> config = common("user");
    config.putAll(runtimeLogin("user"));
    config.put("DATABASE_POOL_SIZE", Integer.toString(DB_POOL_SIZE));
    config.put("JWT_SIGNING_SECRET_ID", LocalSecrets.SIGNING_SECRET_ID);
    // Every local client (the demo, the drills, the benchmarks' logins) comes from one address.
    config.put("AUTH_ATTEMPTS_PER_SOURCE", "100000");
    config.put(
        "STRIPE_API_KEY", SecretReferences.reference(LocalSecrets.STRIPE_USER_SECRET_ID, "apiKey"));
    config.put(
        "TOTP_ENCRYPTION_KEY", SecretReferences.reference(LocalSecrets.TOTP_KEY_SECRET_ID, "key"));
    return config;
  }

  private Map<String, String> ops() {
    Map<String, String> config = common("ops");
    // The services' outbox functions answer Lambda's Invoke API on the local API's port.
    config.put("AWS_ENDPOINT_URL_LAMBDA", apiUrl.toString());
    return config;
  }

  private Map<String, String> product() {
    Map<String, String> config = common("product");
    config.put("MONGODB_DATABASE", ShopBootstrap.PRODUCT_DATABASE);
    config.put("PRODUCT_IMAGES_BUCKET", Bootstrap.PRODUCT_IMAGES_BUCKET);
    config.put("PRICE_QUOTE_CALLERS", CHECKOUT_ROLE);
    return config;
  }

  private Map<String, String> transaction() {
    Map<String, String> config = common("transaction");
    config.putAll(runtimeLogin("transaction"));
    config.put("PRODUCT_API_URL", apiUrl.toString());
    config.put("STRIPE_API_KEY", transactionStripe("apiKey"));
    config.put("STRIPE_WEBHOOK_SECRET", transactionStripe("webhookSecret"));
    config.put(
        "CARRIER_WEBHOOK_SECRET",
        SecretReferences.reference(LocalSecrets.CARRIER_SECRET_ID, "webhookSecret"));
    config.put("DATABASE_POOL_SIZE", Integer.toString(DB_POOL_SIZE));
    // The drills and benchmarks fire dozens of checkouts of one customer at once (and hold them
    // unpaid through a Stripe outage); the cloud's default of 3 would refuse them.
    config.put("MAX_UNPAID_ORDERS", "1000");
    return config;
  }

  /**
   * A PostgreSQL service's functions log in as its runtime role, as in the cloud (the database's
   * URL comes with the endpoints' settings).
   */
  private static Map<String, String> runtimeLogin(String service) {
    DatabaseRoles.Role login = ShopBootstrap.runtimeLogin(service);
    return Map.of("DATABASE_USER", login.name(), "DATABASE_PASSWORD", login.password());
  }

  private Map<String, String> notification() {
    Map<String, String> config = common("notification");
    String sandbox = endpoints.sandboxUrl().toString();
    config.put("NOTIFICATIONS_TABLE", NotificationTables.DEFAULT_NAME);
    config.put("EMAIL_PRIMARY", "ses");
    config.put("EMAIL_SECONDARY", "sendgrid");
    config.put("EMAIL_FROM", "shop@example.com");
    config.put(
        "SENDGRID_API_KEY", SecretReferences.reference(LocalSecrets.SENDGRID_SECRET_ID, "apiKey"));
    config.put("SENDGRID_BASE_URL", sandbox);
    config.put("TWILIO_ACCOUNT_SID", twilio("accountSid"));
    config.put("TWILIO_AUTH_TOKEN", twilio("authToken"));
    config.put("TWILIO_FROM", twilio("from"));
    config.put("TWILIO_BASE_URL", sandbox);
    return config;
  }

  private static String transactionStripe(String field) {
    return SecretReferences.reference(LocalSecrets.STRIPE_TRANSACTION_SECRET_ID, field);
  }

  private static String twilio(String field) {
    return SecretReferences.reference(LocalSecrets.TWILIO_SECRET_ID, field);
  }
}
