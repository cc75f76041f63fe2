package shop.notification.adapter;

import java.util.HashMap;
import java.util.Map;
import shop.notification.NotificationTables;
import shop.notification.delivery.Contact;
import shop.notification.delivery.ContactBook;
import shop.notification.delivery.LatestContact;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Customers' latest contacts in the service's one table ({@link NotificationTables}): one item per
 * customer under the key ({@code contact#<userId>}, {@code CONTACT}), without the {@code userId} or
 * {@code orderId} attribute (so in neither index: the delivery log never lists it) and without a
 * TTL. A put is conditional on a lower version, so a late event never overwrites a newer change.
 */
public final class DynamoDbContactBook implements ContactBook {
  private static final String SORT = "CONTACT";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbContactBook(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public LatestContact current(String userId) {
    Map<String, AttributeValue> item =
        dynamo.getItem(r -> r.tableName(table).key(key(userId)).consistentRead(true)).item();
    if (item == null || item.isEmpty()) {
      return new LatestContact.Unknown();
    }
    if (item.containsKey("erased")) {
      return new LatestContact.Erased();
    }
    AttributeValue phone = item.get("phone");
    return new LatestContact.Known(
        new Contact(
            item.get("email").s(),
            item.get("name").s(),
            phone == null ? null : phone.s(),
            Boolean.TRUE.equals(item.get("smsOptIn").bool())));
  }

  @Override
  public void remember(String userId, Contact contact, long version) {
    Map<String, AttributeValue> item = new HashMap<>(key(userId));
    item.put("email", AttributeValue.fromS(contact.email()));
    item.put("name", AttributeValue.fromS(contact.name()));
    if (contact.phone() != null) {
      item.put("phone", AttributeValue.fromS(contact.phone()));
    }
    item.put("smsOptIn", AttributeValue.fromBool(contact.smsOptIn()));
    item.put("version", AttributeValue.fromN(Long.toString(version)));
    try {
      dynamo.putItem(
          r ->
              r.tableName(table)
                  .item(item)
                  .conditionExpression("attribute_not_exists(#version) OR #version < :version")
                  .expressionAttributeNames(Map.of("#version", "version"))
                  .expressionAttributeValues(
                      Map.of(":version", AttributeValue.fromN(Long.toString(version)))));
    } catch (ConditionalCheckFailedException newerKept) {
      // The same or a newer change is kept already: nothing to do.
    }
  }

  // A tombstone rather than a delete: it keeps its version, so a late change is still refused.
  @Override
  public void forget(String userId, long version) {
    Map<String, AttributeValue> item = new HashMap<>(key(userId));
    item.put("version", AttributeValue.fromN(Long.toString(version)));
    item.put("erased", AttributeValue.fromBool(true));
    dynamo.putItem(r -> r.tableName(table).item(item));
  }

  private static Map<String, AttributeValue> key(String userId) {
    return Map.of(
        NotificationTables.PARTITION_KEY,
        AttributeValue.fromS("contact#" + userId),
        NotificationTables.SORT_KEY,
        AttributeValue.fromS(SORT));
  }
}
