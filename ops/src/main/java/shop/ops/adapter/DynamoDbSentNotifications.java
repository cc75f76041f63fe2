package shop.ops.adapter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import shop.ops.trail.SentNotifications;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the notification service's send ledger through its sparse {@code byOrder} index (layout:
 * the notification module's NotificationTables, which ops does not depend on): operators read what
 * was sent for an order where the service keeps it, without a second copy.
 */
public final class DynamoDbSentNotifications implements SentNotifications {
  /** The ledger's name as the stack and the local cloud create it. */
  public static final String TABLE = "shop-notifications";

  static final String BY_ORDER = "byOrder";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbSentNotifications(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public List<SentNotification> ofOrder(String orderId) {
    List<SentNotification> sent = new ArrayList<>();
    dynamo
        .queryPaginator(
            r ->
                r.tableName(table)
                    .indexName(BY_ORDER)
                    .keyConditionExpression("orderId = :order")
                    .expressionAttributeValues(Map.of(":order", AttributeValue.fromS(orderId))))
        .items()
        .forEach(item -> sent.add(notification(item)));
    return sent;
  }

  private static SentNotification notification(Map<String, AttributeValue> item) {
    // When it was last touched: sent, or failed for good; the event's time before that.
    String millis = item.containsKey("updatedAt") ? "updatedAt" : "occurredAt";
    return new SentNotification(
        Instant.ofEpochMilli(Long.parseLong(item.get(millis).n())),
        text(item, "eventId"),
        text(item, "channel"),
        text(item, "template"),
        text(item, "status"),
        text(item, "failure"));
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }
}
