package shop.localstack.drills;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import shop.localstack.Endpoints;
import shop.localstack.app.LocalShop;

/** Reads the services' stores directly, to check what the drills did (never to change it). */
final class Stores implements AutoCloseable {
  private final Endpoints endpoints;
  private final MongoClient mongo;

  Stores(LocalShop shop) {
    this.endpoints = shop.cloud().endpoints();
    this.mongo = MongoClients.create(endpoints.mongoUri());
  }

  /** A product's stock fields as stored: on hand, reserved, available. */
  record Stock(int onHand, int reserved, int available) {}

  Stock stock(String productId) {
    Document product =
        Mono.from(
                mongo
                    .getDatabase("product")
                    .getCollection("products")
                    .find(new Document("_id", productId))
                    .first())
            .block();
    if (product == null) {
      throw new AssertionError("no product " + productId);
    }
    return new Stock(
        product.get("onHand", Number.class).intValue(),
        product.get("reserved", Number.class).intValue(),
        product.get("available", Number.class).intValue());
  }

  /** Documents in each of the product database's collections. */
  Map<String, Long> mongoCounts() {
    var database = mongo.getDatabase("product");
    Map<String, Long> counts = new HashMap<>();
    for (String name : Flux.from(database.listCollectionNames()).collectList().block()) {
      counts.put(
          "product." + name, Mono.from(database.getCollection(name).countDocuments()).block());
    }
    return counts;
  }

  /** Rows in every table of {@code service}'s database. */
  Map<String, Long> rowCounts(String service) {
    Map<String, Long> counts = new HashMap<>();
    try (Connection c = connect(service)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
                      + " AND tablename NOT LIKE 'flyway%'")) {
        while (rs.next()) {
          tables.add(rs.getString(1));
        }
      }
      for (String table : tables) {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
          rs.next();
          counts.put(service + "." + table, rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return counts;
  }

  /** The orders of {@code userId} by status. */
  Map<String, Long> ordersByStatus(String userId) {
    return grouped("SELECT status, count(*) FROM orders WHERE user_id = ? GROUP BY status", userId);
  }

  /** How many orders {@code userId} has. */
  long orders(String userId) {
    return ordersByStatus(userId).values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * The trace header each outbox entry about {@code orderId} was written with, by event type: the
   * transaction database's and the product database's outboxes (entries without one left out).
   */
  Map<String, String> traceHeaders(String orderId) {
    Map<String, String> traces = new HashMap<>();
    try (Connection c = connect("transaction");
        PreparedStatement statement =
            c.prepareStatement(
                "SELECT event_type, trace_header FROM event_outbox"
                    + " WHERE subject = ? AND trace_header IS NOT NULL")) {
      statement.setString(1, orderId);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          traces.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    for (Document entry :
        Flux.from(
                mongo
                    .getDatabase("product")
                    .getCollection("outbox")
                    .find(new Document("subject", orderId)))
            .collectList()
            .block()) {
      if (entry.getString("traceHeader") != null) {
        traces.put(entry.getString("type"), entry.getString("traceHeader"));
      }
    }
    return traces;
  }

  /** OrderCreated outbox rows of {@code userId}'s orders that took more than one send. */
  long orderCreatedRetried(String userId) {
    return grouped(
            "SELECT 'retried', count(*) FROM event_outbox o JOIN orders ON orders.id = o.subject"
                + " WHERE orders.user_id = ? AND o.event_type = 'shop.order.created.v1'"
                + " AND o.attempts > 1",
            userId)
        .getOrDefault("retried", 0L);
  }

  private Map<String, Long> grouped(String sql, String arg) {
    Map<String, Long> result = new HashMap<>();
    try (Connection c = connect("transaction");
        PreparedStatement statement = c.prepareStatement(sql)) {
      statement.setString(1, arg);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          result.put(rs.getString(1), rs.getLong(2));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return result;
  }

  private Connection connect(String service) throws SQLException {
    Endpoints.PostgresDatabase db = endpoints.postgres(service);
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  @Override
  public void close() {
    mongo.close();
  }
}
