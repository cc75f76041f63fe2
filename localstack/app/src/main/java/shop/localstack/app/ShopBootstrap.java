package shop.localstack.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.events.Topology;
import shop.localstack.Bootstrap;
import shop.localstack.Endpoints;
import shop.notification.NotificationTables;
import shop.notification.adapter.DynamoDbSendLedger;
import shop.ops.adapter.DynamoDbAuditLog;
import shop.ops.adapter.DynamoDbOrderTrails;
import shop.platform.config.Config;
import shop.platform.postgres.DatabaseRoles;
import shop.product.api.EnsureIndexesHandler;
import shop.transaction.TransactionModule;
import shop.user.UserModule;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Everything the shop needs before its functions serve, in parts that depend on one emulator (or
 * AWS-compatible endpoint) each, so that {@link LocalShop} runs each as soon as its emulator is up:
 * the topology's bus, archive, rules, queues and DLQs ({@link Bootstrap}), every DynamoDB table
 * (the platform's, the notification ledger, the ops audit log), the buckets, each PostgreSQL
 * service's database roles and migrations, and product's MongoDB indexes. Every part is idempotent.
 * {@link BootstrapMain} runs them all against arbitrary endpoints (LocalStack).
 */
final class ShopBootstrap {
  /** Product's MongoDB database. */
  static final String PRODUCT_DATABASE = "product";

  private final Endpoints endpoints;
  private final Bootstrap topology;

  ShopBootstrap(Endpoints endpoints, Topology topology) {
    this.endpoints = endpoints;
    this.topology = new Bootstrap(endpoints, topology);
  }

  /** Bus, archive, queues, DLQs and rules; returns the queue URLs by queue name. */
  Map<String, String> busAndQueues(EventBridgeClient events, SqsClient sqs) {
    return topology.busAndQueues(events, sqs);
  }

  /** As {@link #busAndQueues(EventBridgeClient, SqsClient)}, with a client of its own. */
  Map<String, String> busAndQueues(SqsClient sqs) {
    try (EventBridgeClient events = endpoints.eventBridgeClient()) {
      return busAndQueues(events, sqs);
    }
  }

  /** As {@link #tables(DynamoDbClient)}, with a client of its own. */
  void tables() {
    try (DynamoDbClient dynamo = endpoints.dynamoDbClient()) {
      tables(dynamo);
    }
  }

  /** The platform's tables, the notification send ledger, the ops audit log and order trail. */
  void tables(DynamoDbClient dynamo) {
    topology.tables(dynamo);
    DynamoDbSendLedger.createTable(
        dynamo, NotificationTables.deliveries(NotificationTables.DEFAULT_NAME));
    Bootstrap.table(dynamo, DynamoDbAuditLog.TABLE, false);
    Bootstrap.table(dynamo, DynamoDbOrderTrails.TABLE, true);
  }

  void buckets(S3Client s3) {
    topology.buckets(s3);
  }

  /** As {@link #buckets(S3Client)}, with a client of its own. */
  void buckets() {
    try (S3Client s3 = endpoints.s3Client()) {
      buckets(s3);
    }
  }

  /** The product store's indexes, with the same code the deploy runs. */
  void productIndexes() {
    new EnsureIndexesHandler(
            new Config(
                Map.of("MONGODB_URI", endpoints.mongoUri(), "MONGODB_DATABASE", PRODUCT_DATABASE)))
        .run();
  }

  /**
   * Each PostgreSQL service's database with its migration role (the owner) and runtime role (rows
   * of its own tables only), made by the configured user as the cloud's master makes them, with the
   * same code the deploy runs ({@link DatabaseRoles}). Before any migration.
   */
  void databaseRoles() {
    List<DatabaseRoles.ServiceDatabase> services = new ArrayList<>();
    String serverUrl = null;
    String master = null;
    String masterPassword = null;
    for (Map.Entry<String, Endpoints.PostgresDatabase> entry : endpoints.postgres().entrySet()) {
      Endpoints.PostgresDatabase db = entry.getValue();
      serverUrl = db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/')) + "/postgres";
      master = db.user();
      masterPassword = db.password();
      String service = entry.getKey();
      services.add(
          new DatabaseRoles.ServiceDatabase(
              service, migrationLogin(service), runtimeLogin(service)));
    }
    if (serverUrl != null) {
      new DatabaseRoles(serverUrl, master, masterPassword).apply(services);
    }
  }

  /** The login of {@code service}'s migrations here (local passwords are no secret). */
  static DatabaseRoles.Role migrationLogin(String service) {
    String role = DatabaseRoles.migrationRole(service);
    return new DatabaseRoles.Role(role, "local-" + role);
  }

  /** The login of {@code service}'s functions here. */
  static DatabaseRoles.Role runtimeLogin(String service) {
    String role = DatabaseRoles.runtimeRole(service);
    return new DatabaseRoles.Role(role, "local-" + role);
  }

  /**
   * Applies {@code service}'s Flyway migrations (its own and the platform's outbox and inbox) to
   * its database as its migration role, with the same code the deploy runs.
   */
  void migrate(String service) {
    Endpoints.PostgresDatabase db = endpoints.postgres(service);
    DatabaseRoles.Role login = migrationLogin(service);
    Config config =
        new Config(
            Map.of(
                "DATABASE_URL", db.jdbcUrl(),
                "DATABASE_USER", login.name(),
                "DATABASE_PASSWORD", login.password()));
    switch (service) {
      case "user" -> UserModule.migrate(config);
      case "transaction" -> TransactionModule.migrate(config);
      default -> throw new IllegalArgumentException("no migrations for " + service);
    }
  }
}
