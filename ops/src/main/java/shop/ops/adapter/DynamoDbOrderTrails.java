package shop.ops.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import shop.ops.trail.OrderTrails;
import shop.ops.trail.TrailEvent;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The order trail in DynamoDB: one partition per order ({@code pk = orderId}), sorted by time
 * ({@code sk = <ISO time>#<event id>}), so an order's story is one query. The key is the event's,
 * so a redelivered event overwrites itself. Items expire through TTL on {@value #TTL_ATTRIBUTE}
 * (epoch seconds), by default 90 days after they were kept.
 */
public final class DynamoDbOrderTrails implements OrderTrails {
  /** The table; the CDK stack and the local cloud create it with string keys pk and sk. */
  public static final String TABLE = "shop-order-trail";

  public static final String TTL_ATTRIBUTE = "ttl";
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);

  private final DynamoDbClient dynamo;
  private final String table;
  private final Duration retention;
  private final Clock clock;

  public DynamoDbOrderTrails(DynamoDbClient dynamo, String table, Duration retention, Clock clock) {
    this.dynamo = dynamo;
    this.table = table;
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public void keep(TrailEvent event) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(event.orderId()));
    item.put("sk", s(event.time() + "#" + event.eventId()));
    item.put("eventId", s(event.eventId()));
    item.put("type", s(event.type()));
    item.put("source", s(event.source()));
    item.put("time", s(event.time().toString()));
    if (event.amount() != null) {
      item.put("amount", AttributeValue.fromN(Long.toString(event.amount())));
    }
    if (event.currency() != null) {
      item.put("currency", s(event.currency()));
    }
    if (event.reason() != null) {
      item.put("reason", s(event.reason()));
    }
    item.put(
        TTL_ATTRIBUTE,
        AttributeValue.fromN(Long.toString(clock.instant().plus(retention).getEpochSecond())));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  @Override
  public List<TrailEvent> eventsOf(String orderId) {
    List<TrailEvent> events = new ArrayList<>();
    dynamo
        .queryPaginator(
            r ->
                r.tableName(table)
                    .keyConditionExpression("pk = :order")
                    .expressionAttributeValues(Map.of(":order", s(orderId)))
                    .scanIndexForward(true))
        .items()
        .forEach(item -> events.add(event(orderId, item)));
    return events;
  }

  private static TrailEvent event(String orderId, Map<String, AttributeValue> item) {
    return new TrailEvent(
        orderId,
        item.get("eventId").s(),
        item.get("type").s(),
        item.get("source").s(),
        Instant.parse(item.get("time").s()),
        item.containsKey("amount") ? Long.valueOf(item.get("amount").n()) : null,
        item.containsKey("currency") ? item.get("currency").s() : null,
        item.containsKey("reason") ? item.get("reason").s() : null);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
