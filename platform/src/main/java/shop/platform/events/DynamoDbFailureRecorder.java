package shop.platform.events;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.Topology;
import shop.platform.config.AwsClients;
import shop.platform.config.Lazy;
import shop.platform.snapstart.Priming;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Records consumer failures in the failures table ({@link Topology#failuresTable()}). Key: {@value
 * #PARTITION_KEY} = consumer, {@value #SORT_KEY} = event id (or the message id when the event could
 * not be read); one item per failing event, holding its latest attempt. Items expire through
 * DynamoDB TTL on {@value #TTL_ATTRIBUTE} (epoch seconds), by default 14 days after the failure:
 * the longest an SQS message can live.
 */
public final class DynamoDbFailureRecorder implements FailureRecorder {
  public static final String PARTITION_KEY = "pk";
  public static final String SORT_KEY = "sk";
  public static final String TTL_ATTRIBUTE = "ttl";
  static final int MAX_MESSAGE_LENGTH = 1000;

  private static final Logger log = LoggerFactory.getLogger(DynamoDbFailureRecorder.class);
  private static final Duration DEFAULT_RETENTION = Duration.ofDays(14);

  private final Supplier<DynamoDbClient> client;
  private final String table;
  private final Duration retention;

  /** Builds the client before a SnapStart snapshot (offline); held so that it lives as we do. */
  @SuppressWarnings("unused")
  private final Priming.Primer primer;

  public DynamoDbFailureRecorder(DynamoDbClient client, String table) {
    this(() -> client, table, DEFAULT_RETENTION);
  }

  public DynamoDbFailureRecorder(DynamoDbClient client, String table, Duration retention) {
    this(() -> client, table, retention);
  }

  private DynamoDbFailureRecorder(
      Supplier<DynamoDbClient> client, String table, Duration retention) {
    this.client = client;
    this.table = table;
    this.retention = retention;
    this.primer = Priming.register("DynamoDB client", client::get);
  }

  /**
   * The shop's failures table through a client built by {@code clients} (endpoint DYNAMODB) on the
   * first failure: most cold starts record none and need not load the SDK's DynamoDB client.
   */
  public static DynamoDbFailureRecorder create(AwsClients clients) {
    return new DynamoDbFailureRecorder(
        Lazy.of(() -> clients.build(DynamoDbClient.builder(), "DYNAMODB")),
        Topology.shop().failuresTable(),
        DEFAULT_RETENTION);
  }

  @Override
  public void record(Failure failure) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put(PARTITION_KEY, s(failure.consumer()));
    item.put(SORT_KEY, s(failure.key()));
    item.put("consumer", s(failure.consumer()));
    item.put("messageId", s(failure.messageId()));
    if (failure.eventId() != null) {
      item.put("eventId", s(failure.eventId()));
    }
    if (failure.eventType() != null) {
      item.put("eventType", s(failure.eventType()));
    }
    item.put("errorClass", s(failure.errorClass()));
    if (failure.errorMessage() != null) {
      item.put("errorMessage", s(truncate(failure.errorMessage())));
    }
    item.put("attempt", n(failure.attempt()));
    item.put("failedAt", s(failure.time().toString()));
    item.put(TTL_ATTRIBUTE, n(failure.time().plus(retention).getEpochSecond()));
    try {
      // Deliveries of one message can overlap; the condition keeps the latest attempt.
      client
          .get()
          .putItem(
              r ->
                  r.tableName(table)
                      .item(item)
                      .conditionExpression("attribute_not_exists(#pk) OR #attempt <= :attempt")
                      .expressionAttributeNames(Map.of("#pk", PARTITION_KEY, "#attempt", "attempt"))
                      .expressionAttributeValues(Map.of(":attempt", n(failure.attempt()))));
    } catch (ConditionalCheckFailedException e) {
      log.debug(
          "kept a later failure record of {} {} than attempt {}",
          failure.consumer(),
          failure.key(),
          failure.attempt(),
          e);
    }
  }

  private static String truncate(String message) {
    return message.length() <= MAX_MESSAGE_LENGTH
        ? message
        : message.substring(0, MAX_MESSAGE_LENGTH - 1) + "…";
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
