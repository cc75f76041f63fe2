package shop.notification;

import java.util.List;

/**
 * The DynamoDB table this service owns, described for the CDK stack and the local cloud, which
 * create it. One table is both the send ledger and the delivery log:
 *
 * <ul>
 *   <li>key: {@code eventId} (S, partition) + {@code delivery} (S, sort: {@code
 *       <CHANNEL>#<recipient>}, e.g. {@code EMAIL#ada@example.com}): one item per send;
 *   <li>GSI {@code byUser}: {@code userId} (S) + {@code occurredAt} (N, epoch millis of the event),
 *       projection ALL: a user's sends, newest first ({@code GET /notifications});
 *   <li>GSI {@code byOrder}: {@code orderId} (S) + {@code occurredAt} (N), projection ALL, sparse
 *       (welcome emails have no order): an order's sends ({@code GET /admin/notifications});
 *   <li>TTL attribute {@code expiresAt} (epoch seconds); billing on demand.
 * </ul>
 *
 * <p>The name comes from config {@code NOTIFICATIONS_TABLE}; {@link #DEFAULT_NAME} is what the
 * stack and the local cloud use.
 */
public final class NotificationTables {
  public static final String DEFAULT_NAME = "shop-notifications";
  public static final String PARTITION_KEY = "eventId";
  public static final String SORT_KEY = "delivery";
  public static final String BY_USER = "byUser";
  public static final String BY_ORDER = "byOrder";
  public static final String TTL_ATTRIBUTE = "expiresAt";

  private NotificationTables() {}

  /**
   * A key attribute.
   *
   * @param type the DynamoDB scalar type: {@code S} or {@code N}
   */
  public record Key(String name, String type) {}

  /** A global secondary index, projecting all attributes. */
  public record Index(String name, Key partitionKey, Key sortKey) {}

  /** A table: keys, global secondary indexes and the TTL attribute. */
  public record Table(
      String name, Key partitionKey, Key sortKey, List<Index> indexes, String ttlAttribute) {
    public Table {
      indexes = List.copyOf(indexes);
    }
  }

  /** The send ledger and delivery log, under {@code name}. */
  public static Table deliveries(String name) {
    Key occurredAt = new Key("occurredAt", "N");
    return new Table(
        name,
        new Key(PARTITION_KEY, "S"),
        new Key(SORT_KEY, "S"),
        List.of(
            new Index(BY_USER, new Key("userId", "S"), occurredAt),
            new Index(BY_ORDER, new Key("orderId", "S"), occurredAt)),
        TTL_ATTRIBUTE);
  }

  /** Every table of the service, with the default names. */
  public static List<Table> all() {
    return List.of(deliveries(DEFAULT_NAME));
  }
}
