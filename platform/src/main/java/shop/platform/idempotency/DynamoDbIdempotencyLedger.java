package shop.platform.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.Subscription;
import shop.events.Topology;
import shop.platform.config.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/**
 * The idempotency ledger in DynamoDB ({@link Topology#idempotencyTable()}). One item per consumer
 * and event, with the single partition key {@value #PARTITION_KEY} = {@code consumer + ":" +
 * eventId} (no sort key), so that events spread over partitions. Attributes: {@code status}
 * (IN_PROGRESS or COMPLETED), {@code expiresAt} (epoch seconds when an IN_PROGRESS claim may be
 * taken over), and {@value #TTL_ATTRIBUTE} (epoch seconds, DynamoDB TTL). Every change is one
 * conditional write, so two concurrent attempts can never both own an event.
 *
 * <p>Set the claim timeout to the subscription's visibility timeout: a Lambda's timeout is below
 * it, so by the time SQS shows the message again a crashed attempt is dead and its claim expired. A
 * shorter claim could let a retry run while a slow attempt is still working.
 */
public final class DynamoDbIdempotencyLedger implements IdempotencyLedger {
  public static final String PARTITION_KEY = "pk";
  public static final String TTL_ATTRIBUTE = "ttl";

  private static final Logger log = LoggerFactory.getLogger(DynamoDbIdempotencyLedger.class);
  private static final String IN_PROGRESS = "IN_PROGRESS";
  private static final String COMPLETED = "COMPLETED";
  private static final Duration DEFAULT_RETENTION = Duration.ofDays(30);
  // An abandoned claim is harmless once expired; TTL only tidies it away.
  private static final Duration ABANDONED_CLAIM_RETENTION = Duration.ofDays(1);
  private static final Map<String, String> NAMES =
      Map.of("#pk", PARTITION_KEY, "#status", "status", "#expiresAt", "expiresAt");

  private final DynamoDbClient client;
  private final String table;
  private final Duration claimTimeout;
  private final Duration retention;
  private final Clock clock;

  /**
   * @param claimTimeout how long a claim excludes other attempts
   * @param retention how long a completed event is remembered (longer than SQS keeps a message)
   */
  public DynamoDbIdempotencyLedger(
      DynamoDbClient client, String table, Duration claimTimeout, Duration retention, Clock clock) {
    if (claimTimeout.isNegative() || claimTimeout.isZero()) {
      throw new IllegalArgumentException("claimTimeout must be positive");
    }
    this.client = client;
    this.table = table;
    this.claimTimeout = claimTimeout;
    this.retention = retention;
    this.clock = clock;
  }

  /**
   * The shop's ledger for {@code subscription}: claims last its visibility timeout, completed
   * events are kept 30 days.
   */
  public static DynamoDbIdempotencyLedger create(AwsClients clients, Subscription subscription) {
    return new DynamoDbIdempotencyLedger(
        clients.build(DynamoDbClient.builder(), "DYNAMODB"),
        Topology.shop().idempotencyTable(),
        Duration.ofSeconds(subscription.visibilityTimeoutSeconds()),
        DEFAULT_RETENTION,
        Clock.systemUTC());
  }

  @Override
  public Claim begin(String consumer, String eventId) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(claimTimeout);
    Map<String, AttributeValue> claim =
        Map.of(
            PARTITION_KEY,
            s(key(consumer, eventId)),
            "consumer",
            s(consumer),
            "eventId",
            s(eventId),
            "status",
            s(IN_PROGRESS),
            "expiresAt",
            n(expiresAt.getEpochSecond()),
            "updatedAt",
            s(now.toString()),
            TTL_ATTRIBUTE,
            n(expiresAt.plus(ABANDONED_CLAIM_RETENTION).getEpochSecond()));
    try {
      client.putItem(
          r ->
              r.tableName(table)
                  .item(claim)
                  .conditionExpression(
                      "attribute_not_exists(#pk) OR (#status = :inProgress AND #expiresAt <= :now)")
                  .expressionAttributeNames(NAMES)
                  .expressionAttributeValues(
                      Map.of(":inProgress", s(IN_PROGRESS), ":now", n(now.getEpochSecond())))
                  .returnValuesOnConditionCheckFailure(
                      ReturnValuesOnConditionCheckFailure.ALL_OLD));
      return Claim.STARTED;
    } catch (ConditionalCheckFailedException e) {
      Map<String, AttributeValue> existing = e.hasItem() ? e.item() : read(consumer, eventId);
      AttributeValue status = existing.get("status");
      Claim answer =
          status != null && COMPLETED.equals(status.s()) ? Claim.ALREADY_DONE : Claim.IN_PROGRESS;
      log.debug("{}: event {} is {}", consumer, eventId, answer);
      return answer;
    }
  }

  @Override
  public void complete(String consumer, String eventId) {
    Instant now = clock.instant();
    // Unconditional: completing twice, or after a takeover that also completed, says the same.
    client.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        PARTITION_KEY,
                        s(key(consumer, eventId)),
                        "consumer",
                        s(consumer),
                        "eventId",
                        s(eventId),
                        "status",
                        s(COMPLETED),
                        "updatedAt",
                        s(now.toString()),
                        TTL_ATTRIBUTE,
                        n(now.plus(retention).getEpochSecond()))));
  }

  @Override
  public void release(String consumer, String eventId) {
    try {
      client.deleteItem(
          r ->
              r.tableName(table)
                  .key(Map.of(PARTITION_KEY, s(key(consumer, eventId))))
                  .conditionExpression("#status = :inProgress")
                  .expressionAttributeNames(Map.of("#status", "status"))
                  .expressionAttributeValues(Map.of(":inProgress", s(IN_PROGRESS))));
    } catch (ConditionalCheckFailedException e) {
      // Never delete a completion: that would let the event run again.
      log.debug("{}: event {} had no claim to release", consumer, eventId, e);
    }
  }

  /** The item's key: consumer and event id, joined by a colon. */
  static String key(String consumer, String eventId) {
    return consumer + ":" + eventId;
  }

  private Map<String, AttributeValue> read(String consumer, String eventId) {
    return client
        .getItem(
            r ->
                r.tableName(table)
                    .key(Map.of(PARTITION_KEY, s(key(consumer, eventId))))
                    .consistentRead(true))
        .item();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
