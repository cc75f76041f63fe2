package shop.ops.adapter;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import shop.ops.deadletter.DeadLetter;
import shop.ops.deadletter.FailureReasons;
import shop.ops.trail.ConsumerFailures;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the failure reasons the platform's SQS consumer records: one item per (consumer, event id)
 * — or message id when the message was not a readable event — keeping the latest attempt's error.
 */
public final class DynamoDbFailureReasons implements FailureReasons, ConsumerFailures {
  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbFailureReasons(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public Optional<String> find(String consumer, DeadLetter letter) {
    return lookup(consumer, letter.eventId()).or(() -> lookup(consumer, letter.messageId()));
  }

  @Override
  public Optional<ConsumerFailure> find(String consumer, String eventId) {
    return item(consumer, eventId)
        .map(
            item ->
                new ConsumerFailure(
                    Instant.parse(item.get("failedAt").s()),
                    Integer.parseInt(item.get("attempt").n()),
                    reason(item)));
  }

  private Optional<String> lookup(String consumer, String key) {
    return item(consumer, key)
        .map(
            item ->
                reason(item)
                    + " (attempt "
                    + item.get("attempt").n()
                    + ", "
                    + item.get("failedAt").s()
                    + ")");
  }

  private static String reason(Map<String, AttributeValue> item) {
    String error = item.get("errorClass").s();
    if (item.containsKey("errorMessage")) {
      error += ": " + item.get("errorMessage").s();
    }
    return error;
  }

  private Optional<Map<String, AttributeValue>> item(String consumer, String key) {
    if (key == null) {
      return Optional.empty();
    }
    Map<String, AttributeValue> item =
        dynamo
            .getItem(
                r ->
                    r.tableName(table)
                        .key(
                            Map.of(
                                "pk",
                                AttributeValue.fromS(consumer),
                                "sk",
                                AttributeValue.fromS(key)))
                        .consistentRead(true))
            .item();
    if (item == null || item.isEmpty() || !item.containsKey("errorClass")) {
      return Optional.empty();
    }
    return Optional.of(item);
  }
}
