package shop.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListDeadLetterQueuesTest {
  private final InMemoryQueues queues = new InMemoryQueues();

  @Test
  void anEmptyQueueIsCountedWithoutReceivingFromIt() {
    ListDeadLetterQueues list =
        new ListDeadLetterQueues(
            new Consumers(
                List.of(new Consumer("carts", "shop-carts", "shop-carts-dlq", "shop-carts"))),
            queues,
            Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));

    DeadLetterQueueSummary summary = list.list().getFirst();

    assertThat(summary.messages()).isZero();
    assertThat(summary.oldestAge()).isNull();
    assertThat(queues.receives).isZero();
  }
}
