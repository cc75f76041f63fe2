package shop.localstack.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import shop.events.Topology;
import shop.localstack.Endpoints;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code ./shop bootstrap}: creates everything the shop needs on an AWS-compatible cloud that is
 * already running, e.g. {@code localstack/docker-compose.yml} (LocalStack, PostgreSQL, MongoDB):
 * the databases, their migrations, the bus, archive, rules, queues and DLQs, the tables and the
 * buckets, from the topology, with the same code as {@code ./shop up}. Idempotent. Where the
 * endpoints are comes from the environment ({@link Endpoints#fromSettings}), e.g. {@code
 * AWS_ENDPOINT_URL=http://localhost:4566}.
 */
public final class BootstrapMain {
  private BootstrapMain() {}

  public static void main(String[] args) {
    try {
      Endpoints endpoints = Endpoints.fromSettings(System::getenv);
      Map<String, String> queues = run(endpoints, Topology.shop());
      System.out.printf(
          "bootstrapped %s on %s: databases %s migrated, %d queues (each with its DLQ and rule),"
              + " tables, buckets, product indexes%n",
          Topology.shop().busName(),
          endpoints.eventBridgeUrl(),
          endpoints.postgres().keySet(),
          queues.size());
      System.exit(0);
    } catch (RuntimeException e) {
      System.err.println("bootstrap failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Everything, in parallel where independent; returns the queue URLs by queue name. */
  static Map<String, String> run(Endpoints endpoints, Topology topology) {
    ShopBootstrap bootstrap = new ShopBootstrap(endpoints, topology);
    try (EventBridgeClient events = endpoints.eventBridgeClient();
        SqsClient sqs = endpoints.sqsClient();
        DynamoDbClient dynamo = endpoints.dynamoDbClient();
        S3Client s3 = endpoints.s3Client()) {
      CompletableFuture<Map<String, String>> queues =
          CompletableFuture.supplyAsync(() -> bootstrap.busAndQueues(events, sqs));
      CompletableFuture<Void> tables = CompletableFuture.runAsync(() -> bootstrap.tables(dynamo));
      CompletableFuture<Void> buckets = CompletableFuture.runAsync(() -> bootstrap.buckets(s3));
      CompletableFuture<Void> indexes = CompletableFuture.runAsync(bootstrap::productIndexes);
      CompletableFuture<Void> databases =
          CompletableFuture.runAsync(
              () -> {
                createDatabases(endpoints);
                bootstrap.databaseRoles();
                endpoints.postgres().keySet().forEach(bootstrap::migrate);
              });
      CompletableFuture.allOf(queues, tables, buckets, indexes, databases).join();
      return queues.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  /**
   * Creates each service's database (owned by the configured user) unless it exists, through the
   * server's {@code postgres} database.
   */
  static void createDatabases(Endpoints endpoints) {
    for (Map.Entry<String, Endpoints.PostgresDatabase> entry : endpoints.postgres().entrySet()) {
      Endpoints.PostgresDatabase db = entry.getValue();
      String server = db.jdbcUrl().substring(0, db.jdbcUrl().lastIndexOf('/')) + "/postgres";
      try (Connection connection = DriverManager.getConnection(server, db.user(), db.password());
          PreparedStatement exists =
              connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
        exists.setString(1, entry.getKey());
        try (ResultSet found = exists.executeQuery()) {
          if (found.next()) {
            continue;
          }
        }
        try (Statement create = connection.createStatement()) {
          create.execute("CREATE DATABASE \"" + entry.getKey() + "\"");
        }
      } catch (SQLException e) {
        throw new IllegalStateException(
            "cannot create the database " + entry.getKey() + " on " + server + ": " + e, e);
      }
    }
  }
}
