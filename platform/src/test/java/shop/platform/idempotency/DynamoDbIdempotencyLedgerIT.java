package shop.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static shop.platform.idempotency.IdempotencyLedger.Claim.ALREADY_DONE;
import static shop.platform.idempotency.IdempotencyLedger.Claim.IN_PROGRESS;
import static shop.platform.idempotency.IdempotencyLedger.Claim.STARTED;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import shop.events.Topology;
import shop.platform.testing.LocalDynamoDb;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbIdempotencyLedgerIT {
  private static final String TABLE = Topology.shop().idempotencyTable();
  private static final Duration CLAIM = Duration.ofSeconds(60);
  private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

  private static LocalDynamoDb dynamo;

  private final String consumer = "notifications";
  private final String eventId = UUID.randomUUID().toString();

  @BeforeAll
  static void start() {
    dynamo = LocalDynamoDb.start();
    dynamo.createTable(TABLE, DynamoDbIdempotencyLedger.PARTITION_KEY, null);
  }

  @AfterAll
  static void stop() throws Exception {
    dynamo.close();
  }

  @Test
  void startsOnceThenReportsInProgressThenDone() {
    DynamoDbIdempotencyLedger ledger = ledgerAt(T0);

    assertThat(ledger.begin(consumer, eventId)).isEqualTo(STARTED);
    assertThat(ledger.begin(consumer, eventId)).isEqualTo(IN_PROGRESS);
    ledger.complete(consumer, eventId);
    assertThat(ledger.begin(consumer, eventId)).isEqualTo(ALREADY_DONE);

    Map<String, AttributeValue> item = item();
    assertThat(item.get("status").s()).isEqualTo("COMPLETED");
    assertThat(item.get(DynamoDbIdempotencyLedger.TTL_ATTRIBUTE).n())
        .isEqualTo(Long.toString(T0.plus(Duration.ofDays(30)).getEpochSecond()));
  }

  @Test
  void keysEachConsumerSeparately() {
    DynamoDbIdempotencyLedger ledger = ledgerAt(T0);

    assertThat(ledger.begin("notifications", eventId)).isEqualTo(STARTED);
    assertThat(ledger.begin("inventory", eventId)).isEqualTo(STARTED);
  }

  @Test
  void letsAnotherAttemptTakeOverAnExpiredClaim() {
    assertThat(ledgerAt(T0).begin(consumer, eventId)).isEqualTo(STARTED);

    assertThat(ledgerAt(T0.plus(CLAIM).minusSeconds(1)).begin(consumer, eventId))
        .isEqualTo(IN_PROGRESS);
    assertThat(ledgerAt(T0.plus(CLAIM)).begin(consumer, eventId)).isEqualTo(STARTED);
    assertThat(ledgerAt(T0.plus(CLAIM)).begin(consumer, eventId)).isEqualTo(IN_PROGRESS);
  }

  @Test
  void neverTakesOverACompletedEvent() {
    DynamoDbIdempotencyLedger ledger = ledgerAt(T0);
    ledger.begin(consumer, eventId);
    ledger.complete(consumer, eventId);

    assertThat(ledgerAt(T0.plus(Duration.ofDays(2))).begin(consumer, eventId))
        .isEqualTo(ALREADY_DONE);
  }

  @Test
  void releaseLetsARetryStartButNeverErasesACompletion() {
    DynamoDbIdempotencyLedger ledger = ledgerAt(T0);
    ledger.begin(consumer, eventId);
    ledger.release(consumer, eventId);
    assertThat(ledger.begin(consumer, eventId)).isEqualTo(STARTED);

    ledger.complete(consumer, eventId);
    ledger.release(consumer, eventId);
    assertThat(ledger.begin(consumer, eventId)).isEqualTo(ALREADY_DONE);
  }

  @Test
  void grantsAConcurrentlyContestedEventToExactlyOneAttempt() throws Exception {
    DynamoDbIdempotencyLedger ledger = ledgerAt(T0);
    List<Callable<IdempotencyLedger.Claim>> attempts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      attempts.add(() -> ledger.begin(consumer, eventId));
    }

    List<IdempotencyLedger.Claim> claims = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
      for (Future<IdempotencyLedger.Claim> claim : pool.invokeAll(attempts)) {
        claims.add(claim.get());
      }
    }

    assertThat(claims).filteredOn(c -> c == STARTED).hasSize(1);
    assertThat(claims).filteredOn(c -> c == IN_PROGRESS).hasSize(7);
  }

  private static DynamoDbIdempotencyLedger ledgerAt(Instant now) {
    return new DynamoDbIdempotencyLedger(
        dynamo.client(), TABLE, CLAIM, Duration.ofDays(30), Clock.fixed(now, ZoneOffset.UTC));
  }

  private Map<String, AttributeValue> item() {
    return dynamo
        .client()
        .getItem(
            r ->
                r.tableName(TABLE)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            DynamoDbIdempotencyLedger.PARTITION_KEY,
                            AttributeValue.fromS(
                                DynamoDbIdempotencyLedger.key(consumer, eventId)))))
        .item();
  }
}
