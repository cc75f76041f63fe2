package shop.notification.adapter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.notification.NotificationTables;
import shop.notification.delivery.Channel;
import shop.notification.delivery.Claim;
import shop.notification.delivery.Delivery;
import shop.notification.delivery.DeliveryKey;
import shop.notification.delivery.DeliveryStatus;
import shop.notification.delivery.SendLedger;
import shop.notification.delivery.SendReceipt;
import shop.notification.message.Template;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The send ledger and delivery log in DynamoDB (table layout in {@link NotificationTables}). A
 * claim is one conditional update: it creates the item, or takes over one whose lease has ended;
 * when the condition fails, the item as it was says whether the send is done or held.
 */
public final class DynamoDbSendLedger implements SendLedger {
  private static final Logger LOG = LoggerFactory.getLogger(DynamoDbSendLedger.class);

  private final DynamoDbClient dynamo;
  private final String table;
  private final Duration retention;

  /**
   * @param retention how long items live (TTL): a replay of events older than this sends again
   */
  public DynamoDbSendLedger(DynamoDbClient dynamo, String table, Duration retention) {
    this.dynamo = dynamo;
    this.table = table;
    this.retention = retention;
  }

  @Override
  public Claim claim(Delivery delivery, Instant leaseUntil) {
    Instant now = delivery.createdAt();
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":sending", s(DeliveryStatus.SENDING.name()));
    values.put(":lease", n(leaseUntil.toEpochMilli()));
    values.put(":now", n(now.toEpochMilli()));
    values.put(":zero", n(0));
    values.put(":one", n(1));
    values.put(":channel", s(delivery.key().channel().name()));
    values.put(":recipient", s(delivery.key().recipient()));
    values.put(":userId", s(delivery.userId()));
    values.put(":template", s(delivery.template().id()));
    values.put(":occurredAt", n(delivery.occurredAt().toEpochMilli()));
    values.put(":expires", n(now.plus(retention).getEpochSecond()));
    StringBuilder update =
        new StringBuilder(
            "SET #status = :sending, #leaseUntil = :lease, #updatedAt = :now,"
                + " #attempts = if_not_exists(#attempts, :zero) + :one,"
                + " #createdAt = if_not_exists(#createdAt, :now), #channel = :channel,"
                + " #recipient = :recipient, #userId = :userId, #template = :template,"
                + " #occurredAt = :occurredAt,"
                + " #expiresAt = if_not_exists(#expiresAt, :expires)");
    if (delivery.orderId() != null) {
      update.append(", #orderId = :orderId");
      values.put(":orderId", s(delivery.orderId()));
    }
    try {
      dynamo.updateItem(
          UpdateItemRequest.builder()
              .tableName(table)
              .key(key(delivery.key()))
              .updateExpression(update.toString())
              .conditionExpression(
                  "attribute_not_exists(#eventId)"
                      + " OR (#status = :sending AND #leaseUntil < :now)")
              .expressionAttributeNames(
                  names(
                      "eventId",
                      "status",
                      "leaseUntil",
                      "updatedAt",
                      "attempts",
                      "createdAt",
                      "channel",
                      "recipient",
                      "userId",
                      "template",
                      "occurredAt",
                      "expiresAt",
                      delivery.orderId() != null ? "orderId" : null))
              .expressionAttributeValues(values)
              .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
              .build());
      return Claim.GRANTED;
    } catch (ConditionalCheckFailedException taken) {
      Map<String, AttributeValue> old = taken.hasItem() ? taken.item() : Map.of();
      String status = old.containsKey("status") ? old.get("status").s() : null;
      return DeliveryStatus.SENDING.name().equals(status) || status == null
          ? Claim.HELD
          : Claim.DONE;
    }
  }

  @Override
  public void sent(DeliveryKey key, SendReceipt receipt, Instant now) {
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":sent", s(DeliveryStatus.SENT.name()));
    values.put(":now", n(now.toEpochMilli()));
    values.put(":provider", s(receipt.provider()));
    String set = "SET #status = :sent, #updatedAt = :now, #provider = :provider";
    if (receipt.messageId() != null) {
      set += ", #providerMessageId = :messageId";
      values.put(":messageId", s(receipt.messageId()));
    }
    // Unconditional but for existence: whoever else held the send, this one was accepted.
    update(
        key,
        set + " REMOVE #leaseUntil, #failure",
        "attribute_exists(#eventId)",
        values,
        names(
            "eventId",
            "status",
            "updatedAt",
            "provider",
            receipt.messageId() != null ? "providerMessageId" : null,
            "leaseUntil",
            "failure"));
  }

  @Override
  public void failed(DeliveryKey key, String reason, Instant now) {
    update(
        key,
        "SET #status = :failed, #updatedAt = :now, #failure = :reason REMOVE #leaseUntil",
        "attribute_exists(#eventId) AND #status <> :sent",
        Map.of(
            ":failed", s(DeliveryStatus.FAILED.name()),
            ":sent", s(DeliveryStatus.SENT.name()),
            ":now", n(now.toEpochMilli()),
            ":reason", s(reason)),
        names("eventId", "status", "updatedAt", "failure", "leaseUntil"));
  }

  @Override
  public void release(DeliveryKey key, String reason, Instant now) {
    update(
        key,
        "SET #leaseUntil = :zero, #updatedAt = :now, #failure = :reason",
        "#status = :sending",
        Map.of(
            ":zero", n(0),
            ":sending", s(DeliveryStatus.SENDING.name()),
            ":now", n(now.toEpochMilli()),
            ":reason", s(reason)),
        names("status", "updatedAt", "failure", "leaseUntil"));
  }

  @Override
  public List<Delivery> ofUser(String userId, int limit) {
    return query(NotificationTables.BY_USER, "userId", userId, limit);
  }

  @Override
  public List<Delivery> ofOrder(String orderId, int limit) {
    return query(NotificationTables.BY_ORDER, "orderId", orderId, limit);
  }

  // A recipient is part of the key: each send is copied to a key naming nobody, then the original
  // deleted. Repeating it after a crash in between redoes only what is left.
  @Override
  public void eraseRecipients(String userId) {
    Map<String, AttributeValue> start = null;
    do {
      Map<String, AttributeValue> from = start;
      var page =
          dynamo.query(
              q ->
                  q.tableName(table)
                      .indexName(NotificationTables.BY_USER)
                      .keyConditionExpression("#k = :v")
                      .expressionAttributeNames(Map.of("#k", "userId"))
                      .expressionAttributeValues(Map.of(":v", s(userId)))
                      .exclusiveStartKey(from));
      for (Map<String, AttributeValue> item : page.items()) {
        if (DeliveryKey.ERASED.equals(string(item, "recipient"))) {
          continue;
        }
        Map<String, AttributeValue> erased = new HashMap<>(item);
        erased.put("recipient", s(DeliveryKey.ERASED));
        erased.put(
            NotificationTables.SORT_KEY, s(item.get("channel").s() + "#" + DeliveryKey.ERASED));
        // A provider's refusal can quote the address.
        erased.remove("failure");
        dynamo.putItem(r -> r.tableName(table).item(erased));
        dynamo.deleteItem(
            r ->
                r.tableName(table)
                    .key(
                        Map.of(
                            NotificationTables.PARTITION_KEY,
                            item.get(NotificationTables.PARTITION_KEY),
                            NotificationTables.SORT_KEY,
                            item.get(NotificationTables.SORT_KEY))));
      }
      start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
    } while (start != null);
  }

  /** Creates the table as {@link NotificationTables} describes it (tests and the local cloud). */
  public static void createTable(DynamoDbClient dynamo, NotificationTables.Table table) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    attributes.add(attribute(table.partitionKey()));
    attributes.add(attribute(table.sortKey()));
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (NotificationTables.Index index : table.indexes()) {
      for (NotificationTables.Key key : List.of(index.partitionKey(), index.sortKey())) {
        if (attributes.stream().noneMatch(a -> a.attributeName().equals(key.name()))) {
          attributes.add(attribute(key));
        }
      }
      indexes.add(
          GlobalSecondaryIndex.builder()
              .indexName(index.name())
              .keySchema(
                  keySchema(index.partitionKey(), KeyType.HASH),
                  keySchema(index.sortKey(), KeyType.RANGE))
              .projection(p -> p.projectionType(ProjectionType.ALL))
              .build());
    }
    dynamo.createTable(
        CreateTableRequest.builder()
            .tableName(table.name())
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attributes)
            .keySchema(
                keySchema(table.partitionKey(), KeyType.HASH),
                keySchema(table.sortKey(), KeyType.RANGE))
            .globalSecondaryIndexes(indexes)
            .build());
    dynamo.updateTimeToLive(
        r ->
            r.tableName(table.name())
                .timeToLiveSpecification(t -> t.enabled(true).attributeName(table.ttlAttribute())));
  }

  private void update(
      DeliveryKey key,
      String expression,
      String condition,
      Map<String, AttributeValue> values,
      Map<String, String> names) {
    try {
      dynamo.updateItem(
          UpdateItemRequest.builder()
              .tableName(table)
              .key(key(key))
              .updateExpression(expression)
              .conditionExpression(condition)
              .expressionAttributeNames(names)
              .expressionAttributeValues(values)
              .build());
    } catch (ConditionalCheckFailedException e) {
      // Another delivery settled it first; its record stands.
      LOG.info(
          "send {} {} of event {} was settled elsewhere",
          key.channel(),
          key.recipient(),
          key.eventId());
    }
  }

  private List<Delivery> query(String index, String attribute, String value, int limit) {
    return dynamo
        .query(
            q ->
                q.tableName(table)
                    .indexName(index)
                    .keyConditionExpression("#k = :v")
                    .expressionAttributeNames(Map.of("#k", attribute))
                    .expressionAttributeValues(Map.of(":v", s(value)))
                    .scanIndexForward(false)
                    .limit(limit))
        .items()
        .stream()
        .map(DynamoDbSendLedger::delivery)
        .toList();
  }

  private static Delivery delivery(Map<String, AttributeValue> item) {
    return new Delivery(
        new DeliveryKey(
            item.get("eventId").s(),
            Channel.valueOf(item.get("channel").s()),
            item.get("recipient").s()),
        item.get("userId").s(),
        string(item, "orderId"),
        Template.ofId(item.get("template").s()),
        Instant.ofEpochMilli(Long.parseLong(item.get("occurredAt").n())),
        DeliveryStatus.valueOf(item.get("status").s()),
        Instant.ofEpochMilli(Long.parseLong(item.get("createdAt").n())),
        Instant.ofEpochMilli(Long.parseLong(item.get("updatedAt").n())),
        Integer.parseInt(item.get("attempts").n()),
        string(item, "provider"),
        string(item, "providerMessageId"),
        string(item, "failure"));
  }

  private static Map<String, AttributeValue> key(DeliveryKey key) {
    return Map.of(
        NotificationTables.PARTITION_KEY,
        s(key.eventId()),
        NotificationTables.SORT_KEY,
        s(key.channel().name() + "#" + key.recipient()));
  }

  private static Map<String, String> names(String... attributes) {
    Map<String, String> names = new HashMap<>();
    for (String attribute : attributes) {
      if (attribute != null) {
        names.put("#" + attribute, attribute);
      }
    }
    return names;
  }

  private static String string(Map<String, AttributeValue> item, String name) {
    AttributeValue value = item.get(name);
    return value == null ? null : value.s();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static AttributeDefinition attribute(NotificationTables.Key key) {
    return AttributeDefinition.builder()
        .attributeName(key.name())
        .attributeType(key.type())
        .build();
  }

  private static KeySchemaElement keySchema(NotificationTables.Key key, KeyType type) {
    return KeySchemaElement.builder().attributeName(key.name()).keyType(type).build();
  }
}
