package shop.ops.adapter;

import java.util.Map;
import java.util.Optional;
import shop.ops.deadletter.DeadLetter;
import shop.ops.deadletter.FailureReasons;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads the failure reasons the platform's SQS consumer records: one item per (consumer, event id)
 * — or message id when the message was not a readable event — keeping the latest attempt's error.
 */
public final class DynamoDbFailureReasons implements FailureReasons {
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

  private Optional<String> lookup(String consumer, String key) {
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
    String error = item.get("errorClass").s();
    if (item.containsKey("errorMessage")) {
      error += ": " + item.get("errorMessage").s();
    }
    return Optional.of(
        error + " (attempt " + item.get("attempt").n() + ", " + item.get("failedAt").s() + ")");
  }
}
