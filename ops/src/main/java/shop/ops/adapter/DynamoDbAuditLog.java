package shop.ops.adapter;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import shop.ops.audit.AuditEntry;
import shop.ops.audit.AuditLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The audit log in DynamoDB: one partition ({@code pk = "audit"}), sorted by time ({@code sk = <ISO
 * time>#<uuid>}), so the latest entries are one descending query. Operator actions are rare; one
 * partition is plenty.
 */
public final class DynamoDbAuditLog implements AuditLog {
  /**
   * The table; the CDK stack and the local cloud create it with string keys {@code pk} and {@code
   * sk}.
   */
  public static final String TABLE = "shop-ops-audit";

  private static final String PARTITION = "audit";

  private final DynamoDbClient dynamo;
  private final String table;

  public DynamoDbAuditLog(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  @Override
  public void record(AuditEntry entry) {
    dynamo.putItem(
        r ->
            r.tableName(table)
                .item(
                    Map.of(
                        "pk", s(PARTITION),
                        "sk", s(entry.time() + "#" + UUID.randomUUID()),
                        "time", s(entry.time().toString()),
                        "actor", s(entry.actor()),
                        "action", s(entry.action()),
                        "target", s(entry.target()),
                        "selection", s(entry.selection()),
                        "count", AttributeValue.fromN(Long.toString(entry.count())),
                        "result", s(entry.result()))));
  }

  @Override
  public List<AuditEntry> latest(int limit) {
    return dynamo
        .query(
            r ->
                r.tableName(table)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", s(PARTITION)))
                    .scanIndexForward(false)
                    .limit(limit))
        .items()
        .stream()
        .map(
            item ->
                new AuditEntry(
                    Instant.parse(item.get("time").s()),
                    item.get("actor").s(),
                    item.get("action").s(),
                    item.get("target").s(),
                    item.get("selection").s(),
                    Long.parseLong(item.get("count").n()),
                    item.get("result").s()))
        .toList();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value == null ? "" : value);
  }
}
